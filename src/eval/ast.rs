//! The parsed form of an input line.
//!
//! Left-associative chains (`a+b-c`, `a*b/c`) are flat lists rather than
//! nested binary nodes, so the tree is only as deep as the input's nesting;
//! that keeps the recursive evaluator within the parser's depth limit.

use super::error::Span;
use super::lexer::Literal;

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
    Factorial(Box<Expr>),
    Percent(Box<Expr>),
    Call {
        name: String,
        name_span: Span,
        args: Vec<Expr>,
    },
}

/// One input line: an expression, or `name = expression`.
#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    Expression(Expr),
    Assignment {
        name: String,
        name_span: Span,
        value: Expr,
    },
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Self {
        Expr { kind, span }
    }

    /// Calls `visit` on every name this expression reads (not function names).
    pub fn for_each_name(&self, visit: &mut impl FnMut(&str)) {
        match &self.kind {
            ExprKind::Number(_) => {}
            ExprKind::Name(name) => visit(name),
            ExprKind::Negate(e) | ExprKind::Factorial(e) | ExprKind::Percent(e) => {
                e.for_each_name(visit)
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
            ExprKind::Call { args, .. } => args.iter().for_each(|e| e.for_each_name(visit)),
        }
    }
}
