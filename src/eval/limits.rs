//! Every bound that keeps hostile input cheap, in one place.

/// Bounds on input and on the work one evaluation may do. Each is reported
/// as a clear error when crossed, never as a crash or a hang.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Longest accepted input, in bytes.
    pub max_input_bytes: usize,
    /// Deepest nesting of parentheses, calls, unary and power operators.
    pub max_depth: usize,
    /// Largest exact number, as bits of numerator plus denominator (an
    /// integer's denominator not counted); also the largest binary exponent
    /// of an approximate result. 2^17 holds 2^131071 and 2^65536
    /// (2^2^2^2^2, 19,729 digits).
    pub max_bits: u64,
    /// Largest argument of `!`.
    pub max_factorial: u64,
    /// Largest decimal exponent in a literal such as `1e400`.
    pub max_decimal_exponent: i64,
    /// Highest working precision, in bits, tried for approximate results.
    pub max_precision: usize,
    /// Work budget for one evaluation, in work units: each operation is
    /// charged its cost, fitted to timings (see the costs in `number.rs`),
    /// one unit being about a nanosecond of a current machine (roughly one
    /// 64-bit word operation). A gcd is charged step by step as it runs, so
    /// cheap ones on huge operands (`5000!/4999!`) pass. It keeps any
    /// input's answer well under 100 ms.
    pub max_work: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 4096,
            max_depth: 100,
            max_bits: 1 << 17,
            max_factorial: 5000,
            max_decimal_exponent: 19_000,
            max_precision: 65_536,
            max_work: 35_000_000,
        }
    }
}
