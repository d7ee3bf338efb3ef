#!/usr/bin/env python3
"""Writes tests/fixtures/proven.tsv: what pebble must answer where an answer
needs a proof, judged independently with mpmath at 5,000 digits (40,000 for
the deepest cancellations) and again at twice that. A row whose two answers
differ, or whose value sits too close to a rounding boundary to tell at that
precision, stops the script; nothing is written from a guess.

Each row is: expression (pebble syntax), significant digits, angle mode,
class, expected. The expected column is one of
  exact:TEXT        the value is exactly TEXT (integers in full); pebble must
                    print it and mark it exact
  exact-or-rounded:TEXT|D.DDDeN  the value is exactly TEXT, a decimal longer
                    than the digits shown: pebble may print all of it marked
                    exact (as it prints every exact decimal that ends) or its
                    half-even rounding D.DDDeN marked rounded; never a digit
                    of anything else
  rounded:D.DDDeN   the value rounded half to even; it has more digits than
                    shown, so pebble must not mark it exact
  decimal:D.DDDeN   the value is exactly this decimal although the route is
                    approximate, so either marking is honest
  error:undetermined  the value lies exactly on a boundary (a zero, a tie,
                    an integer under floor) that no precision can decide and
                    no exact form pebble knows reaches

Run from the repository root: python3 tests/oracle/generate_proven.py
Needs: pip install mpmath
"""

import decimal
import re
import sys
from fractions import Fraction
from pathlib import Path

import mpmath as mp
from names import pebble_names

sys.set_int_max_str_digits(0)

# Every row is computed at a precision and again at twice it. Closer than
# 10^-(precision/2) to a boundary (in units of the last shown digit) and the
# lower one cannot be trusted to decide the row, so a row's precision must be
# at least twice the digits it cancels (up to 1,000 at the usual 5,000).
LOW_DPS = 5000
# An argument of floor/ceil/round/trunc this close to a jump is a suspect row.
JUMP_MARGIN = mp.mpf(10) ** -50

INTEGER_FUNCTIONS = ("floor", "ceil", "round", "trunc", "sign")


def approx(expression, digits, angle="rad", dps=LOW_DPS):
    """A value only mpmath can give: compared at `dps` and twice that."""
    return ("approx", expression, digits, angle, dps)


def exact(expression, digits, value, angle="rad"):
    """`value` (text of a rational) is the exact value of the expression, or,
    for floor/ceil/round/trunc/sign, of its argument."""
    return ("exact", expression, digits, angle, Fraction(value))


def undecidable(expression, digits, value, angle="rad"):
    """Like `exact`, but the value sits on a boundary pebble cannot decide."""
    return ("undetermined", expression, digits, angle, Fraction(value))


CANCELLATION = [
    approx("exp(1e-100)-1", 15),
    approx("exp(1e-100)-1", 30),
    approx("exp(1e-100)-1", 100),
    approx("ln(1+1e-78)", 15),
    approx("ln(1+1e-78)", 50),
    approx("cosh(100)-sinh(100)", 15),
    approx("cosh(100)-sinh(100)", 100),
    approx("1/(cosh(100)-sinh(100))", 15),
    approx("1/(cosh(100)-sinh(100))", 50),
    approx("cosh(1000)-sinh(1000)", 30),
    approx("(pi+1e-700)-pi", 15),
    approx("(pi+1e-700)-pi", 100),
    approx("(e^2+1e-900)-e^2", 30),
    approx("sqrt(1+1e-300)-1", 15),
    approx("sqrt(1+1e-300)-1", 50),
    approx("sin(1e-200)/1e-200 - 1", 15),
    approx("sin(1e-200)/1e-200 - 1", 30),
    approx("e^(1e-1000)-1", 15),
    approx("e^(1e-1000)-1", 100),
    approx("2^(1e-500)-1", 30),
    approx("1-cos(1e-300)", 15),
    approx("tan(1e-150)-sin(1e-150)", 50),
    approx("atan(1e-300)-1e-300", 15),
    approx("asinh(1e-200)-1e-200", 30),
    approx("ln(cosh(1e-100))", 15),
    approx("1/(1-cos(1e-100))", 30),
    # Nested: a cancellation inside another.
    approx("exp(1e-100)-1-1e-100", 15),
    approx("exp(exp(1e-100)-1)-1", 50),
    approx("ln(1+(exp(1e-200)-1))", 15),
    approx("(exp(1e-300)-1)/(sqrt(1+2e-300)-1)", 30),
    approx("sin(cosh(100)-sinh(100))/(cosh(100)-sinh(100)) - 1", 15),
    # 15,000 digits cancel: about 50,000 bits, inside the 65,536 the issue asks for.
    approx("(pi+1e-15000)-pi", 15, dps=40000),
    approx("exp(1e-15000)-1", 15, dps=40000),
    # Exact arguments near 1: ln sees all of x-1, asin/acos are not taken at ±1.
    approx("ln(1+2^-70)", 30),
    approx("ln(1+1e-3000)", 15, dps=20000),
    approx("ln(1+1e-3000)-1e-3000", 15, dps=20000),
    approx("ln(1-1e-3000)/1e-3000+1", 15, dps=20000),
    approx("log(1-1e-5000)", 15, dps=20000),
    approx("log2(1+1e-12000)", 15, dps=40000),
    approx("(1+1e-3000)^(10^3000)", 15, dps=20000),
    approx("(1-1e-3000)^(10^3000)", 30, dps=20000),
    approx("acos(1-1e-2500)", 15, dps=20000),
    approx("asin(-1+1e-2500)", 15, dps=20000),
    approx("acos(-1+1e-4000)", 15, dps=20000),
    approx("atanh(1-1e-3000)", 15, dps=20000),
    approx("atanh(-1+1e-9800)", 30, dps=40000),
    approx("atanh(1-2^-70)", 50),
    approx("atanh(-1+1e-18000)", 15, dps=40000),
    approx("acosh(1+1e-3000)", 15, dps=20000),
    approx("acosh(1+3*2^-71)", 30),
    approx("acosh(1+1e-15000)", 15, dps=40000),
    # Ties at 15 or 2 digits missed by 1e-200 or less (1e-100 relative or
    # less), the results themselves from 1e-100 to 1e-400.
    approx("ln(1+1.234567890123455e-100)", 15, dps=20000),
    approx("ln(1-1.234567890123455e-100)", 15, dps=20000),
    approx("ln(1+1.234567890123455e-400)", 15, dps=20000),
    approx("acos(1-1.25e-140)^2/2", 2, dps=20000),
    approx("acosh(1+1.25e-300)^2/2", 2, dps=20000),
]

ROUNDING_TO_INTEGER = [
    approx("floor(10^100*pi)", 15),
    approx("floor(e*10^150)", 30),
    approx("floor(pi*10^2000)", 15),
    approx("ceil(sqrt(2)*10^500)", 50),
    approx("round(exp(300))", 15),
    approx("trunc(-ln(2)*10^2400)", 100),
    approx("trunc(pi*10^2499)", 15),
    approx("floor(-e*10^1000)", 15),
    approx("ceil(ln(10)*10^800)", 30),
    approx("round(sqrt(3)*10^1500)", 15),
    approx("floor(exp(1000))", 15),
    approx("round(cosh(500))", 50),
    approx("ceil(-sqrt(5)*10^300)", 15),
    approx("floor(10^200/pi)", 15),
    approx("floor(e^(pi*sqrt(163))*10^100)", 15),
    approx("round(atan(1e300)*10^1200)", 15),
    approx("trunc(sin(10^100)*10^300)", 15),
    # Small integers decided only through an exact form.
    exact("trunc(10*sin(pi/6))", 15, "5"),
    exact("floor(sin(pi/6)*2)", 15, "1"),
    exact("sign(sin(2*pi))", 15, "0"),
    exact("floor(sqrt(2)*sqrt(2))", 15, "2"),
    exact("ceil(cos(pi/3)*4)", 15, "2"),
    exact("round(tan(pi/4)*2.5)", 15, "2.5"),
    exact("round(-cos(pi/3))", 15, "-0.5"),
    exact("floor(sqrt(18)/sqrt(2))", 15, "3"),
    exact("sign(cos(pi/2))", 15, "0"),
    exact("sign(sin(pi))", 15, "0"),
    exact("trunc(-sin(pi/6)*6)", 15, "-3"),
    exact("floor(sqrt(8)*sqrt(2))", 15, "4"),
    exact("ceil(sin(5*pi/6)*2)", 15, "1"),
    exact("floor(sin(30)*2)", 15, "1", angle="deg"),
    exact("floor((sqrt(5)+2)*(sqrt(5)-2))", 15, "1"),
]

NEAR_ONE_POWERS = [
    approx("(1+1e-80)^(10^80)", 15),
    approx("(1+1e-80)^(10^80)", 100),
    approx("(1-1e-50)^(10^50)", 15),
    approx("(1-1e-50)^(10^50)", 50),
    approx("(1+1/10^30)^(2*10^30)", 15),
    approx("(1+1/10^30)^(2*10^30)", 100),
    approx("0.999999999999^(10^12)", 15),
    approx("0.999999999999^(10^12)", 30),
    approx("(1+1e-20)^(10^20)", 30),
    approx("(1+1e-20)^(10^20)", 100),
    approx("(1+1e-40)^(3*10^40)", 50),
    approx("(1+2^-100)^(2^100)", 30),
    approx("1.0000000001^(10^10)", 30),
    approx("(1-1e-300)^(10^300)", 15),
    approx("(1+1e-25)^(sqrt(2)*10^25)", 30),
    approx("(1+pi*1e-60)^(10^60)", 30),
    approx("(1-1e-100)^(-10^100)", 15),
]

INVERSE_BOUNDARIES = [
    approx("atanh(1-1e-39)", 15),
    approx("atanh(1-1e-39)", 50),
    approx("atanh(-1+1e-100)", 15),
    approx("acosh(1+1e-60)", 15),
    approx("acosh(1+1e-60)", 50),
    approx("asin(1-1e-50)", 15),
    approx("asin(1-1e-50)", 30),
    approx("asin(-1+1e-60)", 50),
    approx("acos(-1+1e-40)", 15),
    approx("acos(-1+1e-40)", 30),
    approx("acos(1-1e-80)", 30),
    approx("ln(1e-10000)", 15),
    approx("ln(1e-10000)", 100),
    approx("atan(1e300)", 15),
    approx("atan(1e300)", 100),
    approx("asinh(1e300)", 30),
    approx("acosh(1e300)", 30),
    approx("asin(1-1e-50)", 15, angle="deg"),
    approx("ln(1-1e-90)", 15),
]

EXACT_FORMS = [
    exact("sqrt(2)*sqrt(2)", 15, "2"),
    exact("(sqrt(5)+2)*(sqrt(5)-2)", 15, "1"),
    exact("sqrt(18)/sqrt(2)", 15, "3"),
    exact("sqrt(12)*sqrt(3)", 30, "6"),
    exact("sqrt(2)/2*sqrt(2)", 15, "1"),
    exact("sin(pi/6)", 15, "0.5"),
    exact("cos(pi/3)", 30, "0.5"),
    exact("tan(pi/4)", 15, "1"),
    exact("sin(pi/4)^2", 50, "0.5"),
    exact("sin(pi/3)^2", 15, "0.75"),
    exact("sin(pi/4)*sqrt(2)", 15, "1"),
    exact("tan(pi/6)*sqrt(3)", 15, "1"),
    exact("cos(pi)", 15, "-1"),
    exact("sin(5*pi/6)", 15, "0.5"),
    exact("cos(2*pi/3)", 15, "-0.5"),
    exact("tan(3*pi/4)", 15, "-1"),
    exact("sin(7*pi/6)", 100, "-0.5"),
    exact("exp(ln(7))", 15, "7"),
    exact("exp(ln(0.25))", 30, "0.25"),
    exact("ln(e^3)", 15, "3"),
    exact("sin(asin(0.3))", 15, "0.3"),
    exact("sin(asin(-0.75))", 15, "-0.75"),
    exact("tan(atan(5))", 15, "5"),
    exact("cbrt(7)^3", 15, "7"),
    exact("ln(1)", 15, "0"),
    exact("e^0", 15, "1"),
    exact("sin(30)", 15, "0.5", angle="deg"),
    exact("tan(45)", 15, "1", angle="deg"),
    exact("cos(60)", 30, "0.5", angle="deg"),
    exact("sin(150)", 15, "0.5", angle="deg"),
    approx("sqrt(8)", 15),
    approx("sqrt(8)", 100),
    approx("sin(pi/3)", 30),
]

def halved(text):
    """Half of a decimal, as a decimal literal."""
    exact_half = decimal.Context(prec=1000, traps=[decimal.Inexact]).divide(decimal.Decimal(text), 2)
    return format(exact_half, "f")


TIES_THROUGH_EXACT_FORMS = [
    exact("sqrt(2)*sqrt(2)*0.6172839450617275", 15, "1.234567890123455"),
    exact("-sqrt(2)*sqrt(2)*0.6172839450617275", 15, "-1.234567890123455"),
    exact("sqrt(2)*sqrt(2)*0.6172839450617225", 15, "1.234567890123445"),
    exact("sin(pi/6)*2.46913578024691", 15, "1.234567890123455"),
    exact("sin(pi/6)*2.46913578024689", 15, "1.234567890123445"),
    exact("sqrt(3)*sqrt(3)*0.411522630041155", 15, "1.234567890123465"),
    exact("sqrt(3)*sqrt(3)*0.411522630041185", 15, "1.234567890123555"),
    exact("cos(pi/3)*7.00000000000000000000000000001", 30, "3.500000000000000000000000000005"),
    exact("cos(pi/3)*7.00000000000000000000000000003", 30, "3.500000000000000000000000000015"),
    exact("tan(pi/4)*2.718281828459045", 15, "2.718281828459045"),
    exact("exp(ln(1.234567890123455))", 15, "1.234567890123455"),
    exact("cbrt(2.000000000000005)^3", 15, "2.000000000000005"),
    exact("sqrt(8)*sqrt(2)*0.25000000000000125", 15, "1.000000000000005"),
    exact("sin(pi/6)*5", 1, "2.5"),
    exact("tan(pi/4)*3.5", 1, "3.5"),
    exact("sqrt(2)*sqrt(2)*0.0625", 2, "0.125"),
    exact("sin(30)*2.46913578024691", 15, "1.234567890123455", angle="deg"),
    exact("sin(asin(0.1234567890123455))", 15, "0.1234567890123455"),
    exact("(sqrt(5)+2)*(sqrt(5)-2)*9.999999999999995", 15, "9.999999999999995"),
    # 51-digit ties at 50 digits, one rounding up (…1|5) and one down (…2|5).
    exact("sqrt(2)*sqrt(2)*" + halved("1." + "1" * 48 + "15"), 50, "1." + "1" * 48 + "15"),
    exact("sqrt(2)*sqrt(2)*" + halved("1." + "1" * 48 + "25"), 50, "1." + "1" * 48 + "25"),
    # And at 100 digits.
    exact("sin(pi/6)*" + str(2 * int("1" * 100 + "5")), 100, "1" * 100 + "5"),
    exact("sin(pi/6)*" + str(2 * int("1" * 99 + "25")), 100, "1" * 99 + "25"),
]

# Identities on one argument that forms decide: sin² + cos² is 1, sin 2x
# is 2·sin x·cos x, and sinh and cosh are written in powers of e.
IDENTITIES = [
    exact("sin(1)^2+cos(1)^2-1", 15, "0"),
    exact("cosh(2)^2-sinh(2)^2-1", 15, "0"),
    exact("2*sin(1)*cos(1)-sin(2)", 30, "0"),
    exact("cos(1)^2-sin(1)^2-cos(2)", 15, "0"),
    exact("sign(sin(1)^2+cos(1)^2-1)", 15, "0"),
    exact("floor(cosh(1)^2-sinh(1)^2)", 15, "1"),
    exact("(sin(1)^2+cos(1)^2)*1.234567890123455", 15, "1.234567890123455"),
    exact("round((sin(2)^2+cos(2)^2)*2.5)", 15, "2.5"),
    exact("cosh(1)+sinh(1)-exp(1)", 50, "0"),
    exact("floor(cosh(1)+sinh(1)-exp(1)+5)", 15, "5"),
    exact("sin(1)^2+cos(1)^2-1", 15, "0", angle="deg"),
    exact("(cosh(1)^2-sinh(1)^2)*3.500000000000000000000000000005", 30, "3.500000000000000000000000000005"),
    exact("sin(3*sqrt(2))-3*sin(sqrt(2))+4*sin(sqrt(2))^3", 15, "0"),
    exact("cos(-e)-cos(e)", 15, "0"),
]

UNDECIDABLE = [
    undecidable("atan(1/2)+atan(1/3)-pi/4", 15, "0"),
    undecidable("asin(0.1)+acos(0.1)-pi/2", 30, "0"),
    undecidable("sign(atan(1/2)+atan(1/3)-pi/4)", 15, "0"),
    undecidable("floor(tanh(1)*cosh(1)-sinh(1)+5)", 15, "5"),
    undecidable("ceil(tan(1)*cos(1)/sin(1))", 15, "1"),
    undecidable("trunc(tanh(1)*cosh(1)/sinh(1))", 15, "1"),
    undecidable("(tan(1)*cos(1)/sin(1))*1.234567890123455", 15, "1.234567890123455"),
    undecidable("round((atan(1/2)+atan(1/3))*10/pi)", 15, "2.5"),
    undecidable("tan(1)-sin(1)/cos(1)", 15, "0"),
    undecidable("sign(tan(1)-sin(1)/cos(1))", 15, "0"),
    undecidable("tan(1)-sin(1)/cos(1)", 15, "0", angle="deg"),
    undecidable("(atan(1/2)+atan(1/3))*4/pi*3.500000000000000000000000000005", 30, "3.500000000000000000000000000005"),
]


def near_ties():
    """`sqrt(n) ± p/q` within about 1e-70 of a rounding tie: p/q is the first
    continued-fraction convergent of (tie - sqrt(n)) that close, so q is
    near 1e35 and the tie hides far below any fixed precision."""
    mp.mp.dps = LOW_DPS
    rows = []
    for digits in (15, 30):
        for n in (2, 3, 5, 7, 11):
            root = mp.sqrt(n)
            for offset in (1 / mp.pi, -1 / mp.e):
                target = root + offset
                unit = mp.mpf(10) ** (int(mp.floor(mp.log10(abs(target)))) - digits + 1)
                tie = (mp.floor(target / unit) + mp.mpf(1) / 2) * unit
                p, q = close_convergent(tie - root, mp.mpf(10) ** -70)
                sign = "+" if p >= 0 else "-"
                rows.append(approx(f"sqrt({n}){sign}{abs(p)}/{q}", digits))
    return rows


def close_convergent(x, within):
    """The first continued-fraction convergent p/q of x with |x - p/q| < within."""
    p0, q0, p1, q1 = 0, 1, 1, 0
    rest = x
    while True:
        a = int(mp.floor(rest))
        p0, q0, p1, q1 = p1, q1, a * p1 + p0, a * q1 + q0
        if abs(x - mp.mpf(p1) / q1) < within:
            return p1, q1
        rest = 1 / (rest - a)


CLASSES = [
    ("cancellation", CANCELLATION),
    ("integer", ROUNDING_TO_INTEGER),
    ("near-one-power", NEAR_ONE_POWERS),
    ("inverse-boundary", INVERSE_BOUNDARIES),
    ("exact-form", EXACT_FORMS),
    ("exact-tie", TIES_THROUGH_EXACT_FORMS),
    ("identity", IDENTITIES),
    ("near-tie", near_ties()),
    ("undecidable", UNDECIDABLE),
]


def to_python(expression):
    # Literals become mpf values (exact to the working precision); '^' is '**'.
    text = re.sub(
        r"(?<![A-Za-z_\d])\d+(\.\d*)?(e-?\d+)?",
        lambda m: f"mp.mpf('{m.group(0)}')",
        expression,
    )
    return text.replace("^", "**")


def evaluate(expression, angle, dps):
    mp.mp.dps = dps
    return eval(to_python(expression), pebble_names(angle))  # noqa: S307 - our own table


def split_outer(expression):
    """('floor', 'x') for 'floor(x)' when the call spans the whole text."""
    match = re.fullmatch(r"(\w+)\((.*)\)", expression)
    if not match or match.group(1) not in INTEGER_FUNCTIONS:
        return None, expression
    depth = 0
    start = len(match.group(1))
    for i, c in enumerate(expression[start:], start):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth == 0 and i < len(expression) - 1:
            return None, expression  # like 'floor(a)*floor(b)'
    return match.group(1), match.group(2)


def apply_integer_function(name, x):
    """floor/ceil/round/trunc/sign of a Fraction, as pebble defines them."""
    if name == "floor":
        return x.numerator // x.denominator
    if name == "ceil":
        return -(-x.numerator // x.denominator)
    if name == "trunc":
        return int(x)
    if name == "round":
        magnitude = (abs(x) + Fraction(1, 2)).numerator // (abs(x) + Fraction(1, 2)).denominator
        return magnitude if x >= 0 else -magnitude
    return (x > 0) - (x < 0)


def scientific(value, digits):
    """Decimal `value` rounded half to even to `digits` significant digits, as D.DDDeN."""
    context = decimal.Context(
        prec=digits, rounding=decimal.ROUND_HALF_EVEN, Emax=10**9, Emin=-(10**9)
    )
    result = context.plus(value)
    sign, digit_tuple, exponent = result.as_tuple()
    text = "".join(map(str, digit_tuple)).rstrip("0") or "0"
    first_exponent = exponent + len(digit_tuple) - 1
    return f"{'-' if sign else ''}{text[0]}.{text[1:] or '0'}e{first_exponent}"


# Wide enough that no Decimal here is ever rounded by accident.
EXACT = decimal.Context(prec=10**6, Emax=10**9, Emin=-(10**9), traps=[decimal.Inexact])


def fraction_decimal(x):
    """The exact Decimal of a Fraction whose decimal ends; None when it does not."""
    d = x.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d != 1:
        return None
    return EXACT.divide(decimal.Decimal(x.numerator), decimal.Decimal(x.denominator))


def plain(value):
    """A Decimal in plain positional notation: 0.5, -3, 1.25."""
    return format(value.normalize(EXACT), "f")


def significant_digits(value):
    return len(value.normalize(EXACT).as_tuple().digits)


def is_tie(value, digits):
    """Exactly halfway between two neighbours at `digits` significant digits."""
    digit_tuple = value.normalize(EXACT).as_tuple().digits
    return len(digit_tuple) == digits + 1 and digit_tuple[-1] == 5


def check_close(expression, angle, value, label):
    """mpmath, at both precisions, agrees with the declared exact value."""
    for dps in (LOW_DPS, 2 * LOW_DPS):
        got = evaluate(expression, angle, dps)
        mp.mp.dps = dps
        exact_value = mp.mpf(value.numerator) / value.denominator
        if abs(got - exact_value) > mp.mpf(10) ** -(dps - 100) * max(1, abs(exact_value)):
            sys.exit(f"{label}: {expression} is not {value} (mpmath at {dps} digits: {got})")


def expected_exact(kind, expression, digits, angle, value, label):
    outer, inner = split_outer(expression)
    check_close(inner, angle, value, label)
    if outer:
        on_boundary = (
            value == 0
            if outer == "sign"
            else (value * 2).denominator == 1
            if outer == "round"
            else value.denominator == 1
        )
        if kind == "undetermined":
            if not on_boundary:
                sys.exit(f"{label}: {expression} is decidable, not undetermined")
            return "error:undetermined"
        return f"exact:{apply_integer_function(outer, value)}"
    exact_decimal = fraction_decimal(value)
    if kind == "undetermined":
        if value != 0 and not (exact_decimal is not None and is_tie(exact_decimal, digits)):
            sys.exit(f"{label}: {expression} is neither zero nor a tie at {digits} digits")
        return "error:undetermined"
    if exact_decimal is None:
        sys.exit(f"{label}: {expression}: give an exact value whose decimal ends")
    if label == "exact-tie" and not is_tie(exact_decimal, digits):
        sys.exit(f"{label}: {expression} is not a tie at {digits} digits")
    if value == 0 or significant_digits(exact_decimal) <= digits:
        return f"exact:{plain(exact_decimal)}"
    return f"exact-or-rounded:{plain(exact_decimal)}|{scientific(exact_decimal, digits)}"


def as_decimal(value, dps):
    mp.mp.dps = dps
    return decimal.Decimal(mp.nstr(value, dps - 20, min_fixed=1, max_fixed=0))


def expected_approx(expression, digits, angle, label, low_dps):
    outer, inner = split_outer(expression)
    answers = []
    margin = mp.mpf(10) ** -(low_dps // 2)
    for dps in (low_dps, 2 * low_dps):
        x = evaluate(inner, angle, dps)
        if x == 0:
            sys.exit(f"{label}: {expression} is zero at {dps} digits")
        if outer:
            # Distance of the argument from the nearest point where the
            # integer function jumps.
            shift = mp.mpf(1) / 2 if outer == "round" else 0
            boundary_gap = abs(x + shift - mp.nint(x + shift))
            if outer != "sign" and boundary_gap < JUMP_MARGIN:
                sys.exit(f"{label}: {expression}: argument within {boundary_gap} of a jump")
            answers.append(f"exact:{int(pebble_names(angle)[outer](x))}")
            continue
        # Position of the value between two neighbours at `digits` digits.
        exponent = int(mp.floor(mp.log10(abs(x))))
        scaled = abs(x) / mp.mpf(10) ** (exponent - digits + 1)
        if scaled >= mp.mpf(10) ** digits:
            scaled /= 10
        elif scaled < mp.mpf(10) ** (digits - 1):
            scaled *= 10
        fraction = scaled - mp.floor(scaled)
        if abs(fraction - mp.mpf(1) / 2) < margin:
            sys.exit(f"{label}: {expression} is within {fraction} of a tie at {digits} digits")
        representable = min(fraction, 1 - fraction) < margin
        kind = "decimal" if representable else "rounded"
        answers.append(f"{kind}:{scientific(as_decimal(x, dps), digits)}")
    if answers[0] != answers[1]:
        sys.exit(f"{label}: {expression}: {answers[0]} at {low_dps} digits, {answers[1]} at twice that")
    return answers[0]


def main():
    out = Path(__file__).resolve().parent.parent / "fixtures" / "proven.tsv"
    lines = [
        "# expression\tdigits\tangle\tclass\texpected "
        f"(mpmath at {LOW_DPS} digits or more, and twice that; see tests/oracle/generate_proven.py)"
    ]
    counts = {}
    for label, rows in CLASSES:
        for kind, expression, digits, angle, value in rows:
            assert 1 <= digits <= 100
            if kind == "approx":
                expected = expected_approx(expression, digits, angle, label, value)
            else:
                expected = expected_exact(kind, expression, digits, angle, value, label)
            lines.append(f"{expression}\t{digits}\t{angle}\t{label}\t{expected}")
            counts[label] = counts.get(label, 0) + 1
    out.write_text("\n".join(lines) + "\n")
    print(f"wrote {sum(counts.values())} rows to {out}: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
