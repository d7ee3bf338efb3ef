//! The release binary's stand-ins for the unwinder entry points that std
//! still names once nothing unwinds, so that libunwind (and the parts of
//! musl's printf it uses) is not linked: about 50 KB.
//!
//! - std's default panic hook walks the stack for `RUST_BACKTRACE` through
//!   `_Unwind_Backtrace`. The release build aborts on panic and drops the
//!   unwind tables, so that walk could never find a frame; here it ends at
//!   once, and a panic prints its message (pebble's hook restores the
//!   terminal first) without a backtrace.
//! - std's personality routine reads a frame's context through the
//!   `_Unwind_Get*`/`_Unwind_Set*` calls. It runs only while an exception
//!   unwinds, and nothing raises one: `_Unwind_RaiseException` is not even
//!   linked.
//!
//! Compiled only with `--cfg pebble_no_unwinder`, which `.cargo/release.toml`
//! sets: tests and debug builds keep the real unwinder.
#![allow(unsafe_code)] // `no_mangle` is an unsafe attribute; nothing else here is.

use core::ffi::{c_int, c_void};

type Context = *const c_void;

/// `_URC_END_OF_STACK`: the walk is over before its first frame.
const END_OF_STACK: c_int = 5;

#[unsafe(no_mangle)]
extern "C" fn _Unwind_Backtrace(_trace: *const c_void, _argument: *mut c_void) -> c_int {
    END_OF_STACK
}

// Reached only from a frame the walk above never visits, or from the
// personality routine while unwinding, which never happens.
#[unsafe(no_mangle)]
extern "C" fn _Unwind_GetIP(_context: Context) -> usize {
    0
}

#[unsafe(no_mangle)]
extern "C" fn _Unwind_GetIPInfo(_context: Context, _before: *mut c_int) -> usize {
    0
}

#[unsafe(no_mangle)]
extern "C" fn _Unwind_GetDataRelBase(_context: Context) -> usize {
    0
}

#[unsafe(no_mangle)]
extern "C" fn _Unwind_GetTextRelBase(_context: Context) -> usize {
    0
}

#[unsafe(no_mangle)]
extern "C" fn _Unwind_GetRegionStart(_context: Context) -> usize {
    0
}

#[unsafe(no_mangle)]
extern "C" fn _Unwind_GetLanguageSpecificData(_context: Context) -> *const c_void {
    core::ptr::null()
}

#[unsafe(no_mangle)]
extern "C" fn _Unwind_SetGR(_context: Context, _register: c_int, _value: usize) {}

#[unsafe(no_mangle)]
extern "C" fn _Unwind_SetIP(_context: Context, _value: usize) {}
