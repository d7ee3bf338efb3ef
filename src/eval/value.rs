//! A calculator value: an exact rational, or a ball enclosing it with the
//! exact form where one is known.

use super::ball::{Ball, rational_to_ball};
use super::form::{Form, Known};
use num_rational::BigRational;
use num_traits::Zero;
use std::cmp::Ordering;

#[derive(Debug, Clone)]
pub enum Value {
    Exact(BigRational),
    /// A value known within an enclosure computed at the evaluator's working
    /// precision, and its exact form where one is known (boxed: values sit
    /// in every frame of the evaluator's recursion).
    Approx {
        ball: Ball,
        form: Option<Box<Form>>,
    },
}

impl Value {
    pub fn from_integer(n: i64) -> Self {
        Value::Exact(BigRational::from_integer(n.into()))
    }

    pub fn negated(self) -> Value {
        match self {
            Value::Exact(r) => Value::Exact(-r),
            Value::Approx { ball, form } => Value::Approx {
                ball: ball.neg(),
                form: form.map(|f| Box::new(f.negated())),
            },
        }
    }

    pub fn as_exact(&self) -> Option<&BigRational> {
        match self {
            Value::Exact(r) => Some(r),
            Value::Approx { .. } => None,
        }
    }

    /// The exact value, rational or in a form, where one is known.
    pub fn known(&self) -> Option<Known> {
        match self {
            Value::Exact(r) => Some(Known::Rational(r.clone())),
            Value::Approx { form, .. } => form.as_deref().cloned().map(Known::Form),
        }
    }

    /// An enclosure of the value at `precision` bits.
    pub fn to_ball(&self, precision: usize) -> Ball {
        match self {
            Value::Exact(r) => rational_to_ball(r, precision),
            Value::Approx { ball, .. } => ball.clone(),
        }
    }

    /// Whether the value is exactly zero.
    pub fn is_zero(&self) -> bool {
        match self {
            Value::Exact(r) => r.is_zero(),
            Value::Approx { .. } => false,
        }
    }

    /// The value's sign, where the enclosure decides it.
    pub fn sign(&self) -> Option<Ordering> {
        match self {
            Value::Exact(r) => Some(r.numer().sign().cmp(&num_bigint::Sign::NoSign)),
            Value::Approx { ball, .. } => ball.sign(),
        }
    }

    /// Size of an exact value in bits (numerator plus denominator, an
    /// integer's denominator 1 not counted); 0 for approximations.
    pub fn bits(&self) -> u64 {
        match self {
            Value::Exact(r) => r.numer().bits() + r.denom().bits() - 1,
            Value::Approx { .. } => 0,
        }
    }
}

/// A complex value: a real and an imaginary part, each a real value, so
/// each stays exact or in a form where the real engine keeps it so.
#[derive(Debug, Clone)]
pub struct Complex {
    pub re: Value,
    pub im: Value,
}

impl Complex {
    pub fn real(re: Value) -> Self {
        Complex {
            re,
            im: Value::from_integer(0),
        }
    }

    /// Whether the imaginary part is exactly 0: a real value.
    pub fn is_real(&self) -> bool {
        self.im.is_zero()
    }

    pub fn negated(self) -> Complex {
        Complex {
            re: self.re.negated(),
            im: self.im.negated(),
        }
    }
}
