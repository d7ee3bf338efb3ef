//! A line with units: its unit is found by one evaluation, then the line's
//! number in that unit goes through the same precision loop as any other.

use super::units::{Compound, Measure};
use crate::eval::ast::{AddOp, Expr, ExprKind, MulOp, Target};
use crate::eval::error::{Category, Error, ErrorKind, Span};
use crate::eval::interpreter::quantity::{self, mentions_units};
use crate::eval::interpreter::{Binding, Evaluator, binding_key};
use crate::eval::lexer::Literal;
use crate::eval::radix::Notation;
use crate::eval::{Session, Settings};
use astro_float_num::Consts;
use num_traits::Zero;

/// Bits for the evaluation that finds a line's unit; the digits come later.
const PROBE_PRECISION: usize = 128;

/// What a line with units shows around its number.
pub struct Shown {
    pub unit: Compound,
    /// The unit after the number.
    pub text: String,
    /// The whole parts before it (`5 ft + ` of `5 ft + 10.0787 in`).
    pub prefix: String,
    /// With whole parts, the whole line measured in the last unit: what
    /// `ans` holds, where the number shown is only what is left over.
    pub total: Option<Expr>,
}

impl Session {
    /// Whether `expr` needs the units layer.
    pub(in crate::eval) fn has_units(&self, expr: &Expr, form: &Option<Target>) -> bool {
        matches!(form, Some(Target::Unit(..) | Target::Mixed(_)))
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
        form: &Option<Target>,
        to: Option<Span>,
        settings: &Settings,
        input: &str,
    ) -> Result<(Expr, Option<Shown>), Error> {
        let consts = self
            .consts
            .get_or_insert_with(|| Consts::new().expect("allocating the constants cache"));
        let trim = |e: Error| Error {
            span: trimmed(input, e.span),
            ..e
        };
        let to = to.unwrap_or(expr.span);
        let (mut precision, mut work) = (PROBE_PRECISION, 0);
        let (mut evaluator, q) = loop {
            let mut evaluator = Evaluator::new(
                precision,
                settings.angle,
                &settings.limits,
                &self.names,
                consts,
                work,
            );
            let q = quantity::eval(&mut evaluator, &expr).map_err(trim)?;
            let Some(Target::Mixed(parts)) = form else {
                break (evaluator, q);
            };
            // Whole parts may need more bits than the probe has
            // (`exp(100) km to mi + ft`): asked again at twice as many.
            match mixed(&mut evaluator, q, expr.clone(), parts, to, input) {
                Err(e)
                    if e.category() == Category::Undetermined
                        && precision < settings.limits.max_precision =>
                {
                    precision *= 2;
                    work = evaluator.work();
                }
                result => return result,
            }
        };
        let mut numbers: &[(MulOp, Literal)] = &[];
        let (target, written) = match form {
            Some(Target::Unit(target, span, written_numbers)) => {
                quantity::convert(&mut evaluator, q, target, to)?;
                numbers = written_numbers;
                (
                    target.clone(),
                    Some(input[span.start..span.end].to_string()),
                )
            }
            Some(Target::Radix(_) | Target::Fraction) if !q.unit.is_none() => {
                let notation = match form {
                    Some(Target::Radix(radix)) => Notation::Radix(*radix),
                    _ => Notation::Fraction,
                };
                return Err(Error::new(
                    ErrorKind::NeedsPlainNumber {
                        operation: notation.request(),
                        unit: Measure::of(&q.unit),
                    },
                    to,
                ));
            }
            _ => (q.unit, None),
        };
        let span = expr.span;
        let measured = Expr::new(
            ExprKind::Convert {
                expr: Box::new(expr),
                target: target.clone(),
                to,
            },
            span,
        );
        // A number in the target scales what is shown (`to L/100km` shows
        // per 100 km); `ans` keeps the quantity in the target's units.
        let (measured, total) = if numbers.is_empty() {
            (measured, None)
        } else {
            let mut rest = Vec::with_capacity(numbers.len());
            for (op, number) in numbers {
                let op = match op {
                    MulOp::Multiply => MulOp::Divide,
                    _ => MulOp::Multiply,
                };
                rest.push((op, Expr::new(ExprKind::Number(number.clone()), to)));
            }
            let kind = ExprKind::Product {
                first: Box::new(measured.clone()),
                rest,
            };
            (Expr::new(kind, span), Some(measured))
        };
        let shown = (!target.is_none() || total.is_some()).then(|| Shown {
            text: written.unwrap_or_else(|| target.render()),
            unit: target.clone(),
            prefix: String::new(),
            total,
        });
        Ok((measured, shown))
    }
}

/// A conversion to a sum of units (`178 cm to ft + in`): the whole parts
/// found here, once; the line's number is what they leave, in the last
/// unit, and takes the usual precision loop. A negative value shows its
/// parts with minus signs (`-5 ft - 10.0787 in`).
fn mixed(
    evaluator: &mut Evaluator,
    q: quantity::Quantity,
    expr: Expr,
    parts: &[(Compound, Span)],
    to: Span,
    input: &str,
) -> Result<(Expr, Option<Shown>), Error> {
    // A scale's zero is not a quantity to count whole ones of.
    if let Some((_, span)) = parts.iter().find(|(u, _)| u.temperature_scale().is_some()) {
        let reason = "a temperature scale cannot be one of a sum of units";
        return Err(Error::new(ErrorKind::Domain { reason }, *span));
    }
    let (last, leading) = parts.split_last().expect("a sum has two units or more");
    quantity::convert(evaluator, q.clone(), &last.0, last.1)?;
    let negative = evaluator.sign(&q.value, to)? == std::cmp::Ordering::Less;
    let wholes = quantity::whole_parts(evaluator, q, leading)?;
    let written = |span: &Span| &input[span.start..span.end];
    let (sign, join) = if negative { ("-", " - ") } else { ("", " + ") };
    let mut prefix = sign.to_string();
    let mut taken = Vec::with_capacity(wholes.len());
    // Parts of none are left out: `10000 s to day + h + min` has no day.
    for (whole, (unit, span)) in wholes.into_iter().zip(leading) {
        if whole.is_zero() {
            continue;
        }
        prefix += &whole.magnitude().to_string();
        prefix.push(' ');
        prefix += written(span);
        prefix += join;
        let number = ExprKind::Number(Literal {
            digits: whole,
            scale: 0,
        });
        let unit = Expr::new(ExprKind::Unit(unit.clone()), *span);
        let product = ExprKind::Product {
            first: Box::new(Expr::new(number, *span)),
            rest: vec![(MulOp::Multiply, unit)],
        };
        taken.push((AddOp::Subtract, Expr::new(product, *span)));
    }
    let span = expr.span;
    let measured = |expr: Expr| {
        let kind = ExprKind::Convert {
            expr: Box::new(expr),
            target: last.0.clone(),
            to,
        };
        Expr::new(kind, span)
    };
    let left = Expr::new(
        ExprKind::Sum {
            first: Box::new(expr.clone()),
            rest: taken,
        },
        span,
    );
    let left = if negative {
        Expr::new(ExprKind::Negate(Box::new(left)), span)
    } else {
        left
    };
    let shown = Shown {
        unit: last.0.clone(),
        text: written(&last.1).to_string(),
        prefix,
        total: Some(measured(expr)),
    };
    Ok((measured(left), Some(shown)))
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
