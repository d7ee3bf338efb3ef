//! The one table of built-in names: functions with their aliases and
//! arities, and constants. The parser, the interpreter, reserved names, the
//! help and the "did you mean" suggestions all read it; nothing else spells
//! a built-in name.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arity {
    Exactly(usize),
    Between(usize, usize),
    AtLeast(usize),
}

impl Arity {
    pub fn accepts(self, count: usize) -> bool {
        match self {
            Arity::Exactly(n) => count == n,
            Arity::Between(low, high) => (low..=high).contains(&count),
            Arity::AtLeast(n) => count >= n,
        }
    }

    pub fn describe(self) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        // Built-ins take one to three arguments.
        let word = |n: usize| ["none", "one", "two", "three"].get(n).unwrap_or(&"many");
        match self {
            Arity::Exactly(n) => format!("{} argument{}", word(n), plural(n)),
            Arity::Between(low, high) => format!("{} or {} arguments", word(low), word(high)),
            Arity::AtLeast(n) => format!("at least {} argument{}", word(n), plural(n)),
        }
    }
}

/// How a function treats angles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AngleUse {
    None,
    /// Takes an angle: sin, cos, tan.
    Takes,
    /// Gives an angle: asin, acos, atan, atan2.
    Gives,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Builtin {
    Sqrt,
    Cbrt,
    Abs,
    Sign,
    Floor,
    Ceil,
    Round,
    Trunc,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Ln,
    Log,
    Log2,
    Exp,
    Hypot,
    Min,
    Max,
    Gcd,
    Lcm,
    Comb,
    Perm,
    Re,
    Im,
    Arg,
    Conj,
}

impl Builtin {
    /// Every function, in the order the help lists them.
    pub const ALL: [Builtin; 36] = {
        use Builtin::*;
        [
            Sqrt, Cbrt, Abs, Sign, Floor, Ceil, Round, Trunc, Sin, Cos, Tan, Asin, Acos, Atan,
            Atan2, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh, Ln, Log, Log2, Exp, Hypot, Min, Max, Gcd,
            Lcm, Comb, Perm, Re, Im, Arg, Conj,
        ]
    };

    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Sqrt => "sqrt",
            Cbrt => "cbrt",
            Abs => "abs",
            Sign => "sign",
            Floor => "floor",
            Ceil => "ceil",
            Round => "round",
            Trunc => "trunc",
            Sin => "sin",
            Cos => "cos",
            Tan => "tan",
            Asin => "asin",
            Acos => "acos",
            Atan => "atan",
            Atan2 => "atan2",
            Sinh => "sinh",
            Cosh => "cosh",
            Tanh => "tanh",
            Asinh => "asinh",
            Acosh => "acosh",
            Atanh => "atanh",
            Ln => "ln",
            Log => "log",
            Log2 => "log2",
            Exp => "exp",
            Hypot => "hypot",
            Min => "min",
            Max => "max",
            Gcd => "gcd",
            Lcm => "lcm",
            Comb => "comb",
            Perm => "perm",
            Re => "re",
            Im => "im",
            Arg => "arg",
            Conj => "conj",
        }
    }

    /// Other spellings that name the same function.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Builtin::Comb => &["nCr"],
            Builtin::Perm => &["nPr"],
            _ => &[],
        }
    }

    pub fn arity(self) -> Arity {
        use Builtin::*;
        match self {
            // The second argument of the rounding functions is the number of
            // decimal places: round(3.14159, 2) is 3.14.
            Log | Floor | Ceil | Round | Trunc => Arity::Between(1, 2),
            Atan2 | Hypot | Comb | Perm => Arity::Exactly(2),
            Min | Max | Gcd | Lcm => Arity::AtLeast(2),
            _ => Arity::Exactly(1),
        }
    }

    pub fn angles(self) -> AngleUse {
        use Builtin::*;
        match self {
            Sin | Cos | Tan => AngleUse::Takes,
            Asin | Acos | Atan | Atan2 | Arg => AngleUse::Gives,
            _ => AngleUse::None,
        }
    }

    /// How it is computed. Every built-in is listed, with no catch-all, so
    /// a new one does not compile until it is given its way; the float
    /// library's functions then need their line and slope bound in
    /// `functions`, whose matches are exhaustive too.
    pub fn computation(self) -> Computation {
        use Builtin::*;
        use LibraryFunction as L;
        Computation::Library(match self {
            Sqrt => L::Sqrt,
            Cbrt => L::Cbrt,
            Sin => L::Sin,
            Cos => L::Cos,
            Asin => L::Asin,
            Acos => L::Acos,
            Atan => L::Atan,
            Sinh => L::Sinh,
            Cosh => L::Cosh,
            Tanh => L::Tanh,
            Asinh => L::Asinh,
            Acosh => L::Acosh,
            Atanh => L::Atanh,
            Ln => L::Ln,
            Log2 => L::Log2,
            Exp => L::Exp,
            Tan | Log => return Computation::Composed,
            Abs | Sign | Floor | Ceil | Round | Trunc | Atan2 | Hypot | Min | Max | Gcd | Lcm
            | Comb | Perm | Re | Im | Arg | Conj => return Computation::Own,
        })
    }

    pub fn from_name(name: &str) -> Option<Builtin> {
        Builtin::ALL
            .into_iter()
            .find(|b| b.name() == name || b.aliases().contains(&name))
    }
}

/// How a built-in is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Computation {
    /// On balls by the float library, widened by a bound on its slope.
    Library(LibraryFunction),
    /// From library functions: tan is sin/cos, log is ln/ln 10.
    Composed,
    /// By code of its own, on exact values and on the ends of balls (min,
    /// gcd, floor, atan2, …).
    Own,
}

/// A function of one real argument that the float library computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryFunction {
    Sqrt,
    Cbrt,
    Sin,
    Cos,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Ln,
    Log2,
    Exp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constant {
    Pi,
    E,
    Tau,
}

impl Constant {
    pub const ALL: [Constant; 3] = [Constant::Pi, Constant::E, Constant::Tau];

    pub fn name(self) -> &'static str {
        match self {
            Constant::Pi => "pi",
            Constant::E => "e",
            Constant::Tau => "tau",
        }
    }

    /// The Greek spellings the lexer also reads.
    pub fn symbol(self) -> Option<&'static str> {
        match self {
            Constant::Pi => Some("π"),
            Constant::Tau => Some("τ"),
            Constant::E => None,
        }
    }

    pub fn from_name(name: &str) -> Option<Constant> {
        Constant::ALL
            .into_iter()
            .find(|c| c.name() == name || c.symbol() == Some(name))
    }
}

/// The imaginary unit's name. It is no constant: a variable or a
/// parameter named `i` shadows it, and a line that reads it unshadowed is
/// evaluated as complex.
pub const IMAGINARY_UNIT: &str = "i";

/// The last answer's names.
pub const ANSWER_NAMES: [&str; 2] = ["ans", "_"];

/// Every name a user cannot assign to. (Not inlined: the screen asks it
/// too, and the name tables are large.)
#[inline(never)]
pub fn is_reserved(name: &str) -> bool {
    ANSWER_NAMES.contains(&name)
        || Constant::from_name(name).is_some()
        || Builtin::from_name(name).is_some()
}

/// Every built-in name, for suggestions.
pub fn all_names() -> impl Iterator<Item = &'static str> {
    Builtin::ALL
        .into_iter()
        .flat_map(|b| std::iter::once(b.name()).chain(b.aliases().iter().copied()))
        .chain(Constant::ALL.into_iter().map(Constant::name))
        .chain(["ans"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_find_their_function() {
        for b in Builtin::ALL {
            assert_eq!(Builtin::from_name(b.name()), Some(b));
        }
        assert_eq!(Builtin::from_name("nCr"), Some(Builtin::Comb));
        assert_eq!(Builtin::from_name("nPr"), Some(Builtin::Perm));
        assert_eq!(Builtin::from_name("sine"), None);
        assert_eq!(Constant::from_name("π"), Some(Constant::Pi));
        assert!(is_reserved("_") && is_reserved("tau") && is_reserved("nCr"));
        assert!(!is_reserved("x"));
    }

    #[test]
    fn library_functions_take_one_argument() {
        for b in Builtin::ALL {
            if let Computation::Library(_) = b.computation() {
                assert_eq!(b.arity(), Arity::Exactly(1), "{}", b.name());
            }
        }
        assert_eq!(
            Builtin::Sin.computation(),
            Computation::Library(LibraryFunction::Sin)
        );
        assert_eq!(Builtin::Tan.computation(), Computation::Composed);
        assert_eq!(Builtin::Gcd.computation(), Computation::Own);
    }
}
