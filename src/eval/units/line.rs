//! A line with units: its unit is found by one evaluation, then the line's
//! number in that unit goes through the same precision loop as any other.

use super::quantity::{self, mentions_units};
use super::{Compound, Measure};
use crate::eval::ast::{Expr, ExprKind, Form};
use crate::eval::error::{Error, ErrorKind, Radix, Span};
use crate::eval::interpreter::{Binding, Evaluator, binding_key};
use crate::eval::{Session, Settings};
use astro_float_num::Consts;

/// Bits for the evaluation that finds a line's unit; the digits come later.
const PROBE_PRECISION: usize = 128;

/// What a line with units shows after its number.
pub struct Shown {
    pub unit: Compound,
    pub text: String,
}

impl Session {
    /// Whether `expr` needs the units layer.
    pub(in crate::eval) fn has_units(&self, expr: &Expr, form: &Option<Form>) -> bool {
        matches!(form, Some(Form::Unit(..)))
            || mentions_units(expr, &|name| {
                matches!(
                    self.names.get(binding_key(name)),
                    Some(Binding::Quantity(_))
                )
            })
    }

    /// Checks a line's units and gives the expression whose number is shown
    /// (the line measured in its unit: the `to` target, or the unit it
    /// keeps) and the unit's text; `None` when the units cancel.
    pub(in crate::eval) fn measure(
        &mut self,
        expr: Expr,
        form: &Option<Form>,
        to: Option<Span>,
        settings: &Settings,
        input: &str,
    ) -> Result<(Expr, Option<Shown>), Error> {
        let consts = self
            .consts
            .get_or_insert_with(|| Consts::new().expect("allocating the constants cache"));
        let mut evaluator = Evaluator::new(
            PROBE_PRECISION,
            settings.angle,
            &settings.limits,
            &self.names,
            consts,
            0,
        );
        let trim = |e: Error| Error {
            span: trimmed(input, e.span),
            ..e
        };
        let q = quantity::eval(&mut evaluator, &expr).map_err(trim)?;
        let to = to.unwrap_or(expr.span);
        let (target, written) = match form {
            Some(Form::Unit(target, span)) => {
                quantity::convert(&mut evaluator, q, target, to)?;
                (
                    target.clone(),
                    Some(input[span.start..span.end].to_string()),
                )
            }
            Some(Form::Radix(radix)) if !q.unit.is_none() => {
                return Err(Error::new(
                    ErrorKind::NeedsPlainNumber {
                        operation: match radix {
                            Radix::Hexadecimal => "to hex",
                            Radix::Octal => "to oct",
                            Radix::Binary => "to bin",
                        },
                        unit: Measure::of(&q.unit),
                    },
                    to,
                ));
            }
            Some(Form::Fraction) if !q.unit.is_none() => {
                return Err(Error::new(
                    ErrorKind::NeedsPlainNumber {
                        operation: "to frac",
                        unit: Measure::of(&q.unit),
                    },
                    to,
                ));
            }
            _ => (q.unit, None),
        };
        let shown = (!target.is_none()).then(|| Shown {
            text: written.unwrap_or_else(|| target.render()),
            unit: target.clone(),
        });
        let span = expr.span;
        let measured = ExprKind::Convert {
            expr: Box::new(expr),
            target,
            to,
        };
        Ok((Expr::new(measured, span), shown))
    }
}

/// A span without the blanks at its ends: an operator found between two terms.
fn trimmed(input: &str, span: Span) -> Span {
    let Some(text) = input.get(span.start..span.end) else {
        return span;
    };
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.end - (text.len() - text.trim_end().len());
    if start < end {
        Span::new(start, end)
    } else {
        span
    }
}
