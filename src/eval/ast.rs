//! The parsed form of an input line.
//!
//! Left-associative chains (`a+b-c`, `a*b/c`) are flat lists rather than
//! nested binary nodes, so the tree is only as deep as the input's nesting;
//! that keeps the recursive evaluator within the parser's depth limit.

use super::builtins::Builtin;
use super::error::Span;
use super::lexer::Literal;
use super::radix::{Notation, Radix};
use super::units::Compound;

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddOp {
    Add,
    Subtract,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MulOp {
    Multiply,
    Divide,
    Modulo,
}

/// Bitwise operators, with Python's rules on integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BitOp {
    And,
    Or,
    Xor,
    ShiftLeft,
    ShiftRight,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Number(Literal),
    Name(String),
    Negate(Box<Expr>),
    /// `first (± term)*`; a term that is a `Percent` follows the keypad rule.
    Sum {
        first: Box<Expr>,
        rest: Vec<(AddOp, Expr)>,
    },
    Product {
        first: Box<Expr>,
        rest: Vec<(MulOp, Expr)>,
    },
    Power {
        base: Box<Expr>,
        exponent: Box<Expr>,
    },
    /// One level of `|`, `xor`, `&` or shifts, as a flat chain.
    Bitwise {
        first: Box<Expr>,
        rest: Vec<(BitOp, Expr)>,
    },
    /// `~x`, which is `-x-1`.
    BitNot(Box<Expr>),
    Factorial(Box<Expr>),
    Percent(Box<Expr>),
    /// `x°`: degrees, turned into radians whatever the angle mode.
    Degrees(Box<Expr>),
    Call {
        function: Builtin,
        name_span: Span,
        args: Vec<Expr>,
    },
    /// A call of a function the user defined (`f(3)`): replaced by the
    /// function's body before evaluation (`user_functions::expand`).
    UserCall {
        name: String,
        name_span: Span,
        args: Vec<Expr>,
    },
    /// A unit, or a product of units to powers (`km/h`): the quantity 1 of it.
    Unit(Compound),
    /// The number `expr` measures in `target`: what a line with units
    /// computes, at each precision, once its unit is known; `to` is where
    /// the conversion was asked for, for its errors.
    Convert {
        expr: Box<Expr>,
        target: Compound,
        to: Span,
    },
}

/// The target of a conversion: how a line asks for its result to be
/// written (`… to hex`, `… to km/h`). Not to be confused with an exact
/// form of a value (`form::Form`).
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Radix(Radix),
    Decimal,
    Fraction,
    /// A unit, where it is written (output shows it as written), and the
    /// numbers written in it, each multiplying or dividing the unit
    /// (`L/100km` is L/km divided by 100).
    Unit(Compound, Span, Vec<(MulOp, Literal)>),
    /// A sum of units (`ft + in`): whole numbers of each but the last.
    Mixed(Vec<(Compound, Span)>),
}

impl Target {
    pub fn from_name(name: &str) -> Option<Target> {
        Some(match Notation::from_name(name)? {
            Notation::Radix(radix) => Target::Radix(radix),
            Notation::Decimal => Target::Decimal,
            Notation::Fraction => Target::Fraction,
        })
    }
}

/// A parsed line: what to compute, and the form to write it in.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub statement: Statement,
    pub target: Option<Target>,
    /// Where the `to` (or `->`) stands, when there is one.
    pub to: Option<Span>,
}

/// One input line: an expression, `name = expression`, or a function's
/// definition `name(params) = body`.
#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    Expression(Expr),
    Assignment {
        name: String,
        name_span: Span,
        value: Expr,
    },
    Definition {
        name: String,
        name_span: Span,
        params: Vec<String>,
        body: Expr,
    },
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Self {
        Expr { kind, span }
    }

    /// Calls `visit` on every name this expression reads (not function names).
    pub fn for_each_name(&self, visit: &mut impl FnMut(&str)) {
        match &self.kind {
            ExprKind::Number(_) | ExprKind::Unit(_) => {}
            ExprKind::Name(name) => visit(name),
            ExprKind::Negate(e)
            | ExprKind::BitNot(e)
            | ExprKind::Factorial(e)
            | ExprKind::Percent(e)
            | ExprKind::Degrees(e)
            | ExprKind::Convert { expr: e, .. } => e.for_each_name(visit),
            ExprKind::Bitwise { first, rest } => {
                first.for_each_name(visit);
                rest.iter().for_each(|(_, e)| e.for_each_name(visit));
            }
            ExprKind::Sum { first, rest } => {
                first.for_each_name(visit);
                rest.iter().for_each(|(_, e)| e.for_each_name(visit));
            }
            ExprKind::Product { first, rest } => {
                first.for_each_name(visit);
                rest.iter().for_each(|(_, e)| e.for_each_name(visit));
            }
            ExprKind::Power { base, exponent } => {
                base.for_each_name(visit);
                exponent.for_each_name(visit);
            }
            ExprKind::Call { args, .. } | ExprKind::UserCall { args, .. } => {
                args.iter().for_each(|e| e.for_each_name(visit))
            }
        }
    }
}
