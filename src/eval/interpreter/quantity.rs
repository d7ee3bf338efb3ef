//! Quantities: a number and a unit, evaluated in a layer over the numeric
//! evaluator. Subtrees without units go to the evaluator whole; here only
//! the units are worked out, and every operation on the numbers is one of
//! the evaluator's own (add, multiply, divide, power, the functions).

use super::{AngleMode, Binding, Evaluator};
use crate::eval::ast::{AddOp, Expr, ExprKind, MulOp};
use crate::eval::builtins::Builtin;
use crate::eval::error::{Error, ErrorKind, Span, UnitOperation};
use crate::eval::units::{self, Compound, Factor, Measure};
use crate::eval::value::Value;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive};

/// The largest power of a unit a power may make (`m^1000`).
const MAX_UNIT_POWER: i64 = 1000;

/// A number in a unit; a plain number has no unit.
#[derive(Debug, Clone)]
pub struct Quantity {
    pub value: Value,
    pub unit: Compound,
}

impl Quantity {
    fn plain(value: Value) -> Quantity {
        Quantity {
            value,
            unit: Compound::default(),
        }
    }
}

/// Whether `expr` involves units: a unit, a conversion, or a name that
/// `is_quantity` says holds one. Lines without units never enter this layer.
pub fn mentions_units(expr: &Expr, is_quantity: &dyn Fn(&str) -> bool) -> bool {
    let any = |e: &Expr| mentions_units(e, is_quantity);
    match &expr.kind {
        ExprKind::Unit(_) | ExprKind::Convert { .. } => true,
        ExprKind::Number(_) => false,
        ExprKind::Name(name) => is_quantity(name),
        ExprKind::Negate(e)
        | ExprKind::BitNot(e)
        | ExprKind::Factorial(e)
        | ExprKind::Percent(e)
        | ExprKind::Degrees(e) => any(e),
        ExprKind::Sum { first, rest } => any(first) || rest.iter().any(|(_, e)| any(e)),
        ExprKind::Product { first, rest } => any(first) || rest.iter().any(|(_, e)| any(e)),
        ExprKind::Bitwise { first, rest } => any(first) || rest.iter().any(|(_, e)| any(e)),
        ExprKind::Power { base, exponent } => any(base) || any(exponent),
        ExprKind::Call { args, .. } | ExprKind::UserCall { args, .. } => args.iter().any(any),
    }
}

fn mentions(ev: &Evaluator, expr: &Expr) -> bool {
    mentions_units(expr, &|name| {
        matches!(ev.binding(name), Some(Binding::Quantity(_)))
    })
}

/// The number of a quantity that must be a plain number for `operation`.
fn plain(q: Quantity, operation: &'static str, span: Span) -> Result<Value, Error> {
    if q.unit.is_none() {
        return Ok(q.value);
    }
    Err(Error::new(
        ErrorKind::NeedsPlainNumber {
            operation,
            unit: Measure::of(&q.unit),
        },
        span,
    ))
}

/// The number `expr` stands for where a number is expected: the measure of
/// a `Convert` in its target; a unit anywhere else must cancel out.
pub fn number(ev: &mut Evaluator, expr: &Expr) -> Result<Value, Error> {
    match &expr.kind {
        ExprKind::Convert { expr, target, to } => {
            let q = eval(ev, expr)?;
            convert(ev, q, target, *to)
        }
        _ => {
            let q = eval(ev, expr)?;
            plain(q, "this", expr.span)
        }
    }
}

/// `value × factor`, exactly where the factor has no π.
fn scaled(ev: &mut Evaluator, value: Value, factor: &Factor, span: Span) -> Result<Value, Error> {
    let mut value = if factor.ratio.is_one() {
        value
    } else {
        ev.multiply(&value, &Value::Exact(factor.ratio.clone()), span)?
    };
    if factor.pi != 0 {
        // The evaluator's own π, at its precision, with its form.
        let pi = ev.pi(1);
        for _ in 0..factor.pi.unsigned_abs() {
            value = if factor.pi > 0 {
                ev.multiply(&value, &pi, span)?
            } else {
                ev.divide(&value, &pi, span, span)?
            };
        }
    }
    Ok(value)
}

/// `q` in `target`'s unit, which must have its dimension. Temperatures are
/// read as differences here (no offsets): that is what a sum adds.
fn in_unit(
    ev: &mut Evaluator,
    q: Quantity,
    target: &Compound,
    operation: UnitOperation,
    span: Span,
) -> Result<Value, Error> {
    if q.unit == *target {
        return Ok(q.value);
    }
    let Some(factor) = ratio(ev, &q.unit, target) else {
        return Err(Error::new(
            ErrorKind::DimensionMismatch {
                operation,
                left: Measure::of(target),
                right: Measure::of(&q.unit),
            },
            span,
        ));
    };
    scaled(ev, q.value, &factor, span)
}

/// The factor from `from` to `to`, when they measure the same thing.
///
/// Where only the power of the angle differs, beside a power of time the
/// missing angle is a count of revolutions, each 2π rad: `1 turn/s` is
/// 1 Hz and `60 rpm` is 1 Hz. A plain number alone is an angle in the angle
/// mode's unit instead: radians, or degrees in degree mode (`acos(0) to
/// deg` is 90 deg in either mode). Nothing else converts across angles.
fn ratio(ev: &Evaluator, from: &Compound, to: &Compound) -> Option<Factor> {
    let (from_angle, from_rest) = from.dimension().split_angle();
    let (to_angle, to_rest) = to.dimension().split_angle();
    if from_rest != to_rest {
        return None;
    }
    let time_only = from_rest
        .0
        .iter()
        .enumerate()
        .all(|(i, p)| i == 2 || *p == 0);
    // The angle mode is read (and so reported) only where it decides.
    let angle = if from_angle == to_angle {
        Factor::one()
    } else if !time_only {
        return None;
    } else if !from_rest.is_none() {
        // A revolution, 2π rad: what a count of cycles is beside an angle.
        units::factor_of("turn")
    } else {
        match ev.angle() {
            AngleMode::Degrees => units::factor_of("deg"),
            AngleMode::Radians => Factor::one(),
        }
    };
    Some(
        from.factor()
            .times(&angle, to_angle - from_angle)
            .over(&to.factor()),
    )
}

/// `q` converted to `target` by `to`: temperatures on their scales, offsets
/// applied (`20 °C to °F` is 68 °F); everything else by its factor.
pub fn convert(
    ev: &mut Evaluator,
    q: Quantity,
    target: &Compound,
    to: Span,
) -> Result<Value, Error> {
    let factor = ratio(ev, &q.unit, target);
    if let (Some((_, from)), Some((_, into)), Some(factor)) = (
        q.unit.temperature_scale(),
        target.temperature_scale(),
        &factor,
    ) && q.unit != *target
    {
        // From zero on the first scale, in the second's degrees, to zero
        // on the second.
        let shifted = ev.add(&q.value, &Value::Exact(from), to)?;
        let degrees = scaled(ev, shifted, factor, to)?;
        return ev.add(&degrees, &Value::Exact(-into), to);
    }
    let Some(factor) = factor else {
        // Asked for by name, a conversion may turn a quantity over: mpg to
        // L/100km, s/m to m/s.
        let dimension = q.unit.dimension();
        if !dimension.is_none() && dimension == target.dimension().scaled(-1) {
            let one = Value::from_integer(1);
            let turned = ev.divide(&one, &q.value, to, to)?;
            let factor = Factor::one().over(&q.unit.factor().times(&target.factor(), 1));
            return scaled(ev, turned, &factor, to);
        }
        // `100 C to F`: the coulomb and the farad, where scales were meant.
        let bare = |u: &Compound| matches!(u.bare_symbols(), Some("C" | "F"));
        if bare(&q.unit) || bare(target) {
            let reason = "C is the coulomb, F the farad: write °C, °F";
            return Err(Error::new(ErrorKind::Domain { reason }, to));
        }
        return Err(Error::new(
            ErrorKind::DimensionMismatch {
                operation: UnitOperation::Convert,
                left: Measure::of(&q.unit),
                right: Measure::of(target),
            },
            to,
        ));
    };
    scaled(ev, q.value, &factor, to)
}

/// The whole numbers of each of `units` in `q`, largest first as written,
/// each taken toward zero from what the ones before it left (`178 cm` in
/// `ft` and then `in` leaves 5 ft). Temperatures count as differences.
pub fn whole_parts(
    ev: &mut Evaluator,
    mut q: Quantity,
    units: &[(Compound, Span)],
) -> Result<Vec<num_bigint::BigInt>, Error> {
    let mut wholes = Vec::with_capacity(units.len());
    for (unit, span) in units {
        let value = in_unit(ev, q.clone(), unit, UnitOperation::Convert, *span)?;
        let whole = ev.whole_part(Builtin::Trunc, &value, *span)?;
        let taken = Quantity {
            value: Value::Exact(BigRational::from_integer(whole.clone())),
            unit: unit.clone(),
        };
        let taken = in_unit(ev, taken, &q.unit, UnitOperation::Convert, *span)?;
        q.value = ev.add(&q.value, &taken.negated(), *span)?;
        wholes.push(whole);
    }
    Ok(wholes)
}

/// Evaluates `expr` to a number and its unit.
pub fn eval(ev: &mut Evaluator, expr: &Expr) -> Result<Quantity, Error> {
    if !mentions(ev, expr) {
        return Ok(Quantity::plain(ev.eval(expr)?));
    }
    let span = expr.span;
    match &expr.kind {
        ExprKind::Unit(unit) => Ok(Quantity {
            value: Value::from_integer(1),
            unit: unit.clone(),
        }),
        ExprKind::Name(name) => {
            let unit = match ev.binding(name) {
                Some(Binding::Quantity(quantity)) => quantity.unit.clone(),
                _ => Compound::default(),
            };
            Ok(Quantity {
                value: ev.eval(expr)?,
                unit,
            })
        }
        ExprKind::Negate(inner) => {
            let q = eval(ev, inner)?;
            Ok(Quantity {
                value: q.value.negated(),
                unit: q.unit,
            })
        }
        ExprKind::Sum { first, rest } => sum(ev, first, rest, span),
        ExprKind::Product { first, rest } => product(ev, first, rest),
        ExprKind::Power { base, exponent } => power(ev, base, exponent, span),
        ExprKind::Call { function, args, .. } => call(ev, *function, args, span),
        // Expanded before evaluation: the plain evaluator reports it.
        ExprKind::UserCall { .. } => Ok(Quantity {
            value: ev.eval(expr)?,
            unit: Compound::default(),
        }),
        ExprKind::Convert { target, .. } => Ok(Quantity {
            value: number(ev, expr)?,
            unit: target.clone(),
        }),
        ExprKind::Percent(inner) => {
            let q = eval(ev, inner)?;
            let value = ev.divide(&q.value, &Value::from_integer(100), span, span)?;
            Ok(Quantity { value, ..q })
        }
        // Operators of integers and angles take plain numbers only.
        ExprKind::Factorial(inner)
        | ExprKind::Degrees(inner)
        | ExprKind::BitNot(inner)
        | ExprKind::Bitwise { first: inner, .. } => {
            let q = eval(ev, inner)?;
            if q.unit.is_none() {
                let reason = "units that cancel cannot stand here: leave them out";
                return Err(Error::new(ErrorKind::Domain { reason }, inner.span));
            }
            let operation = match &expr.kind {
                ExprKind::Factorial(_) => "factorial",
                ExprKind::Degrees(_) => "'°'",
                _ => "a bitwise operator",
            };
            Err(Error::new(
                ErrorKind::NeedsPlainNumber {
                    operation,
                    unit: Measure::of(&q.unit),
                },
                inner.span,
            ))
        }
        ExprKind::Number(_) => Ok(Quantity::plain(ev.eval(expr)?)),
    }
}

fn sum(
    ev: &mut Evaluator,
    first: &Expr,
    rest: &[(AddOp, Expr)],
    span: Span,
) -> Result<Quantity, Error> {
    let mut total = eval(ev, first)?;
    let mut previous_end = first.span.end;
    for (op, term) in rest {
        // The operator stands between the terms (the caller trims blanks);
        // in a function's body, all at its call's span, the call is the place.
        let op_span = match previous_end <= term.span.start {
            true => Span::new(previous_end, term.span.start),
            false => span,
        };
        previous_end = term.span.end;
        let value = match &term.kind {
            // Keypad percent of a quantity: a + b% is a×(1 + b/100).
            ExprKind::Percent(inner) => {
                let percent = plain(eval(ev, inner)?, "'%'", inner.span)?;
                let share = ev.multiply(&total.value, &percent, term.span)?;
                ev.divide(&share, &Value::from_integer(100), term.span, term.span)?
            }
            _ => {
                let q = eval(ev, term)?;
                let operation = match op {
                    AddOp::Add => UnitOperation::Add,
                    AddOp::Subtract => UnitOperation::Subtract,
                };
                in_unit(ev, q, &total.unit, operation, op_span)?
            }
        };
        let value = match op {
            AddOp::Add => value,
            AddOp::Subtract => value.negated(),
        };
        total.value = ev.add(&total.value, &value, span)?;
    }
    Ok(total)
}

fn product(ev: &mut Evaluator, first: &Expr, rest: &[(MulOp, Expr)]) -> Result<Quantity, Error> {
    let mut total = eval(ev, first)?;
    for (op, factor) in rest {
        let q = eval(ev, factor)?;
        let so_far = first.span.to(factor.span);
        total = match op {
            MulOp::Multiply => Quantity {
                value: ev.multiply(&total.value, &q.value, so_far)?,
                unit: total.unit.times(&q.unit, 1),
            },
            MulOp::Divide => Quantity {
                value: ev.divide(&total.value, &q.value, factor.span, so_far)?,
                unit: total.unit.times(&q.unit, -1),
            },
            MulOp::Modulo => {
                let divisor = in_unit(ev, q, &total.unit, UnitOperation::Modulo, factor.span)?;
                Quantity {
                    value: ev.modulo(&total.value, &divisor, factor.span, so_far)?,
                    unit: total.unit,
                }
            }
        };
        total = simplify(ev, total, so_far)?;
    }
    Ok(total)
}

/// Cancels what a product or quotient lets cancel (see `Compound::cancel`).
#[inline(never)]
fn simplify(ev: &mut Evaluator, mut q: Quantity, span: Span) -> Result<Quantity, Error> {
    let factor = q.unit.cancel();
    q.value = scaled(ev, q.value, &factor, span)?;
    Ok(q)
}

/// The `n`th root's unit, and the value it applies to: in the units
/// written when their powers divide by `n`, else in SI base units.
fn root_unit(
    ev: &mut Evaluator,
    q: Quantity,
    n: i32,
    operation: &'static str,
    span: Span,
) -> Result<(Value, Compound), Error> {
    if let Some(root) = q.unit.root(n) {
        return Ok((q.value, root));
    }
    let dimension = q.unit.dimension();
    let base = dimension.base_units();
    match base.root(n) {
        Some(root) => {
            let value = scaled(ev, q.value, &q.unit.factor(), span)?;
            Ok((value, root))
        }
        None => Err(Error::new(
            ErrorKind::FractionalDimension {
                operation,
                unit: Box::new(dimension.into()),
            },
            span,
        )),
    }
}

fn power(ev: &mut Evaluator, base: &Expr, exponent: &Expr, span: Span) -> Result<Quantity, Error> {
    let e = eval(ev, exponent)?;
    let e = plain(e, "an exponent", exponent.span)?;
    let b = eval(ev, base)?;
    if b.unit.is_none() {
        return Ok(Quantity::plain(ev.power(&b.value, &e, base.span, span)?));
    }
    // A unit takes whole powers, or exact fractional ones that leave whole
    // powers of every dimension: (4 m²)^(1/2) is 2 m.
    // A numerator past any unit power's bound is refused below.
    let fraction = e.as_exact().and_then(|r| {
        let bound = MAX_UNIT_POWER + 1;
        let p = match r.numer().to_i64() {
            Some(p) => p.clamp(-bound, bound),
            None if r.numer().is_negative() => -bound,
            None => bound,
        };
        let q = r.denom().to_i32().filter(|q| *q <= 64)?;
        Some((p, q))
    });
    let Some((p, q)) = fraction else {
        return Err(Error::new(
            ErrorKind::FractionalDimension {
                operation: "power",
                unit: Measure::of(&b.unit),
            },
            exponent.span,
        ));
    };
    let (value, root) = root_unit(ev, b, q, "power", span)?;
    // Powers of units stay small integers however powers are nested.
    if root
        .terms
        .iter()
        .any(|t| (i64::from(t.power) * p).abs() > MAX_UNIT_POWER)
    {
        return Err(Error::too_large(span));
    }
    let value = ev.power(&value, &e, base.span, span)?;
    Ok(Quantity {
        value,
        unit: root.powered(p as i32),
    })
}

fn call(
    ev: &mut Evaluator,
    function: Builtin,
    args: &[Expr],
    span: Span,
) -> Result<Quantity, Error> {
    use Builtin::*;
    let mut values = Vec::with_capacity(args.len());
    for arg in args {
        values.push((eval(ev, arg)?, arg.span));
    }
    let first = values[0].0.unit.clone();
    let x_span = values[0].1;
    // The mode a call of an angle with its own unit runs in.
    let mut fixed = None;
    let mut numbers = Vec::with_capacity(values.len());
    let unit = match function {
        Sqrt | Cbrt if !first.is_none() => {
            let n = if function == Sqrt { 2 } else { 3 };
            let q = values.swap_remove(0).0;
            let (value, unit) = root_unit(ev, q, n, function.name(), x_span)?;
            numbers.push((value, x_span));
            unit
        }
        // Functions of one dimension: every argument in the first's unit.
        Abs | Floor | Ceil | Round | Trunc | Min | Max | Hypot | Atan2 | Sign => {
            let rounding = matches!(function, Floor | Ceil | Round | Trunc);
            // Temperatures compared as temperatures: `max(20 °C, 70 °F)` is
            // 70 °F in °C, not 70 degrees more than zero.
            let scales = matches!(function, Min | Max) && first.temperature_scale().is_some();
            for (i, (q, arg_span)) in values.into_iter().enumerate() {
                // round(5.55 m, 1): the places are a plain number.
                let number = if scales {
                    convert(ev, q, &first, arg_span)?
                } else if rounding && i > 0 {
                    plain(q, function.name(), arg_span)?
                } else {
                    in_unit(ev, q, &first, UnitOperation::Compare, arg_span)?
                };
                numbers.push((number, arg_span));
            }
            match function {
                Atan2 | Sign => Compound::default(),
                _ => first,
            }
        }
        // An angle in any unit; in degrees where that is exact (30 deg).
        Sin | Cos | Tan if first.dimension().is_angle() => {
            let q = values.swap_remove(0).0;
            let mut factor = first.factor();
            fixed = Some(AngleMode::Radians);
            if factor.pi == 1 {
                // In degrees: the factor over the degree's π/180.
                factor = factor.over(&units::factor_of("deg"));
                fixed = Some(AngleMode::Degrees);
            }
            numbers.push((scaled(ev, q.value, &factor, x_span)?, x_span));
            Compound::default()
        }
        _ => {
            for (q, arg_span) in values {
                numbers.push((plain(q, function.name(), arg_span)?, arg_span));
            }
            Compound::default()
        }
    };
    let value = ev.call_in_mode(fixed, function, numbers, span);
    Ok(Quantity {
        value: value?,
        unit,
    })
}
