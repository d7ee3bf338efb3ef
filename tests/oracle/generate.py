#!/usr/bin/env python3
"""Writes tests/fixtures/irrational.tsv: expected values of irrational
results, computed independently of pebble with mpmath at 150 digits and
correctly rounded (half to even) to the digit count in each row.

Run from the repository root: python3 tests/oracle/generate.py
Needs: pip install mpmath
"""

import decimal
import re
import sys
from pathlib import Path

import mpmath as mp
from names import pebble_names

mp.mp.dps = 150

# (expression in pebble's syntax, significant digits, angle mode)
CASES = [
    ("sqrt(2)", 15, "rad"),
    ("sqrt(2)", 50, "rad"),
    ("sqrt(3)*sqrt(5)", 15, "rad"),
    ("cbrt(2)", 15, "rad"),
    ("pi", 15, "rad"),
    ("pi", 50, "rad"),
    ("pi", 100, "rad"),
    ("e", 15, "rad"),
    ("e", 50, "rad"),
    ("tau", 15, "rad"),
    ("1/3", 15, "rad"),
    ("sin(1)", 15, "rad"),
    ("sin(1)", 50, "rad"),
    ("cos(1)", 15, "rad"),
    ("tan(1)", 15, "rad"),
    ("sin(1e100)", 15, "rad"),
    ("sin(1e22)", 15, "rad"),
    ("cos(1e-10)", 15, "rad"),
    ("1-cos(1e-10)", 15, "rad"),
    ("asin(0.5)", 15, "rad"),
    ("acos(0.3)", 15, "rad"),
    ("atan(2)", 15, "rad"),
    ("atan(1)*4", 30, "rad"),
    ("sinh(2)", 15, "rad"),
    ("cosh(0.5)", 15, "rad"),
    ("tanh(3)", 15, "rad"),
    ("asinh(1)", 15, "rad"),
    ("acosh(3)", 15, "rad"),
    ("atanh(0.5)", 15, "rad"),
    ("ln(2)", 15, "rad"),
    ("ln(2)", 50, "rad"),
    ("log(2)", 15, "rad"),
    ("log2(3)", 15, "rad"),
    ("log(7, 3)", 15, "rad"),
    ("exp(1)", 15, "rad"),
    ("exp(1000)", 15, "rad"),
    ("exp(-1000)", 15, "rad"),
    ("exp(1e-20)-1", 15, "rad"),
    ("2^0.5", 15, "rad"),
    ("10^(1/3)", 15, "rad"),
    ("2^(1/12)", 20, "rad"),
    ("pi^e", 15, "rad"),
    ("e^pi", 15, "rad"),
    ("e^(pi*sqrt(163))", 15, "rad"),
    ("e^(pi*sqrt(163))", 40, "rad"),
    ("sqrt(2)^2 - 2 + 1e-40", 15, "rad"),
    ("sin(pi/6)", 15, "rad"),
    ("pi - 355/113", 15, "rad"),
    ("1/7", 30, "rad"),
    ("(-2)^(1/3)", 15, "rad"),
    ("sin(1)", 15, "deg"),
    ("cos(10)", 15, "deg"),
    ("tan(89)", 15, "deg"),
    ("asin(0.3)", 15, "deg"),
    ("atan(2)", 15, "deg"),
]



def near_ties():
    """`sqrt(n) + p/q` within a hair of a 15-digit rounding tie: p/q is a
    continued-fraction convergent of (tie - sqrt(n)), so the distance to the
    tie is about 1/q^2. Small q leave room for the double-double first step
    to decide; q near 10^18 put the tie inside its error bound, so the
    precision loop must."""
    cases = []
    for n in (2, 3, 5, 7, 11):
        root = mp.sqrt(n)
        # Offsets with ordinary continued fractions, so each limit gives a new q.
        for offset in (1 / mp.pi, -1 / mp.e):
            target = root + offset
            unit = mp.mpf(10) ** (mp.floor(mp.log10(abs(target))) - 14)
            tie = (mp.floor(target / unit) + mp.mpf(1) / 2) * unit
            for limit in (10**7, 10**11, 10**14, 10**16, 9 * 10**18):
                p, q = convergent(tie - root, limit)
                sign = "+" if p >= 0 else "-"
                case = (f"sqrt({n}){sign}{abs(p)}/{q}", 15, "rad")
                if case not in cases:
                    cases.append(case)
    return cases


def convergent(x, limit):
    """The last continued-fraction convergent p/q of x with q <= limit."""
    p0, q0, p1, q1 = 0, 1, 1, 0
    while True:
        a = int(mp.floor(x))
        p2, q2 = a * p1 + p0, a * q1 + q0
        if q2 > limit:
            return p1, q1
        p0, q0, p1, q1 = p1, q1, p2, q2
        if x == a:
            return p1, q1
        x = 1 / (x - a)


CASES += near_ties()


def radical_forms():
    """Exact forms of radicals, which pebble multiplies out term by term
    (its enclosure then comes from the form's roots): the trigonometric
    table's sums of square roots, and powers of random sums (a√p + b√q + c)^k
    from a fixed seed."""
    import random

    cases = [
        ("sin(pi/12)", 50, "rad"),
        ("cos(pi/12)", 15, "rad"),
        ("tan(pi/12)", 15, "rad"),
        ("tan(5*pi/12)", 30, "rad"),
        ("tan(pi/8)", 50, "rad"),
        ("tan(3*pi/8)", 15, "rad"),
        ("tan(-7*pi/8)", 15, "rad"),
        ("tan(pi/24)", 30, "rad"),
        ("tan(-11*pi/24)", 15, "rad"),
        ("tan(52.5)", 15, "deg"),
        ("sin(75)", 15, "deg"),
        ("cos(165)", 15, "deg"),
        ("sqrt(2)*sqrt(3)", 15, "rad"),
        ("cbrt(16)+cbrt(54)", 15, "rad"),
        ("2^(1/4)*2^(1/6)", 15, "rad"),
        ("1/(sqrt(2)+sqrt(3)+sqrt(5))", 50, "rad"),
        ("(sqrt(6)-sqrt(2))/(sqrt(6)+sqrt(2))", 15, "rad"),
        ("ln(12)-ln(3)", 15, "rad"),
        ("log(8, 12)", 15, "rad"),
    ]
    generator = random.Random(7)
    for _ in range(12):
        p, q = generator.sample([2, 3, 5, 6, 7, 10, 11], 2)
        a, b, c = (generator.randint(-9, 9) or 1 for _ in range(3))
        k = generator.choice([-5, -3, -2, 2, 3, 7, 12])
        cases.append((f"({a}*sqrt({p})+({b})*sqrt({q})+({c}))^({k})", 15, "rad"))
    return cases


CASES += radical_forms()

def to_python(expression):
    # Literals become exact-as-written mpf values; '^' is Python's '**'.
    text = re.sub(r"(?<![A-Za-z_\d])\d+(\.\d*)?(e-?\d+)?", lambda m: f"mp.mpf('{m.group(0)}')", expression)
    return text.replace("^", "**")


def rounded(value, digits):
    context = decimal.Context(prec=digits, rounding=decimal.ROUND_HALF_EVEN, Emax=10**6, Emin=-(10**6))
    exact = decimal.Decimal(mp.nstr(value, 140, min_fixed=1, max_fixed=0))
    result = context.plus(exact)
    sign, digit_tuple, exponent = result.as_tuple()
    text = "".join(map(str, digit_tuple)).rstrip("0") or "0"
    first_exponent = exponent + len(digit_tuple) - 1
    return f"{'-' if sign else ''}{text[0]}.{text[1:] or '0'}e{first_exponent}"


def main():
    out = Path(__file__).resolve().parent.parent / "fixtures" / "irrational.tsv"
    lines = ["# expression\tdigits\tangle\texpected (mpmath, 150 digits, rounded half-even)"]
    for expression, digits, angle in CASES:
        namespace = pebble_names(angle)
        if expression == "(-2)^(1/3)":
            value = -mp.cbrt(2)  # pebble's real cube root; mpmath's power is complex
        else:
            value = eval(to_python(expression), namespace)  # noqa: S307 - our own table
        lines.append(f"{expression}\t{digits}\t{angle}\t{rounded(value, digits)}")
    out.write_text("\n".join(lines) + "\n")
    print(f"wrote {len(CASES)} cases to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
