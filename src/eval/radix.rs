//! The bases integers are written in besides ten, and the notations a
//! `to` asks for besides a unit (`to hex`, `to frac`): one table of them
//! that the parser, the half-typed check's keywords and the messages read.

/// The base of a number literal or of a conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Radix {
    Binary,
    Octal,
    Hexadecimal,
}

impl Radix {
    pub fn base(self) -> u32 {
        match self {
            Radix::Binary => 2,
            Radix::Octal => 8,
            Radix::Hexadecimal => 16,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Radix::Binary => "binary",
            Radix::Octal => "octal",
            Radix::Hexadecimal => "hex",
        }
    }

    pub fn prefix(self) -> &'static str {
        match self {
            Radix::Binary => "0b",
            Radix::Octal => "0o",
            Radix::Hexadecimal => "0x",
        }
    }

    /// How a line asks for it: `to hex`.
    pub fn request(self) -> &'static str {
        Notation::Radix(self).request()
    }
}

/// What a `to` writes a plain number as, other than a unit. Not an exact
/// form of a value (`form::Form`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notation {
    Radix(Radix),
    Decimal,
    Fraction,
}

/// Every notation with how a line asks for it, in the order messages list
/// them.
const NOTATIONS: [(&str, Notation); 5] = [
    ("to hex", Notation::Radix(Radix::Hexadecimal)),
    ("to oct", Notation::Radix(Radix::Octal)),
    ("to bin", Notation::Radix(Radix::Binary)),
    ("to dec", Notation::Decimal),
    ("to frac", Notation::Fraction),
];

impl Notation {
    /// The notation a word after `to` names: `hex`.
    pub fn from_name(name: &str) -> Option<Notation> {
        NOTATIONS
            .iter()
            .find(|(request, _)| request[3..] == *name)
            .map(|(_, notation)| *notation)
    }

    /// How a line asks for it: `to frac`.
    pub fn request(self) -> &'static str {
        NOTATIONS
            .iter()
            .find(|(_, notation)| *notation == self)
            .map_or("", |(request, _)| request)
    }

    /// The words that name a notation after `to`: `hex`, `oct`, ….
    pub fn names() -> impl Iterator<Item = &'static str> {
        NOTATIONS.iter().map(|(request, _)| &request[3..])
    }
}

/// "to hex, to oct, to bin, to dec or to frac", for messages.
pub struct EveryNotation;

impl std::fmt::Display for EveryNotation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (request, _)) in NOTATIONS.iter().enumerate() {
            if i > 0 {
                f.write_str(if i + 1 == NOTATIONS.len() {
                    " or "
                } else {
                    ", "
                })?;
            }
            f.write_str(request)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notations_read_back() {
        for (request, notation) in NOTATIONS {
            assert_eq!(Notation::from_name(&request[3..]), Some(notation));
            assert_eq!(notation.request(), request);
        }
        assert_eq!(Notation::from_name("to"), None);
        assert_eq!(Radix::Octal.request(), "to oct");
        assert_eq!(
            EveryNotation.to_string(),
            "to hex, to oct, to bin, to dec or to frac"
        );
    }
}
