#!/usr/bin/env python3
"""Writes tests/fixtures/complex.tsv: the real and imaginary parts of
complex results, computed independently of pebble with mpmath at 150
digits and correctly rounded (half to even) to the digit count in each row.

Run from the repository root: python3 tests/oracle/generate_complex.py
Needs: pip install mpmath
"""

import re
import sys
from pathlib import Path

import mpmath as mp
from generate import rounded, to_python
from names import pebble_names

mp.mp.dps = 150

# (expression in pebble's syntax, significant digits, mode: real or complex)
CASES = [
    ("i^i", 15, "real"),
    ("i^i", 50, "real"),
    ("sqrt(i)", 15, "real"),
    ("sqrt(i)", 40, "real"),
    ("cos(i)", 15, "real"),
    ("sin(2+3i)", 15, "real"),
    ("tan(1+2i)", 15, "real"),
    ("sinh(1-2i)", 15, "real"),
    ("cosh(0.5+i)", 15, "real"),
    ("tanh(2-i)", 15, "real"),
    ("exp(1+i)", 30, "real"),
    ("ln(3-4i)", 15, "real"),
    ("log(1+i)", 15, "real"),
    ("log2(-8+i)", 15, "real"),
    ("log(2+i, 3-i)", 15, "real"),
    ("(1+2i)^(3-i)", 15, "real"),
    ("(2+3i)^(1/3)", 15, "real"),
    ("(1+i)^-2.5", 15, "real"),
    ("2^(1+i)", 15, "real"),
    ("cbrt(1+i)", 15, "real"),
    ("asin(1+i)", 15, "real"),
    ("acos(1+i)", 15, "real"),
    ("atan(1+i)", 15, "real"),
    ("asinh(2i)", 15, "real"),
    ("acosh(0.5i)", 15, "real"),
    ("atanh(1+i)", 15, "real"),
    ("arg(-1-i)", 15, "real"),
    ("abs(1+i)", 30, "real"),
    ("e^(i*pi/7)", 15, "real"),
    ("sqrt(-2-3i)", 15, "real"),
    ("(-1+i)^0.5", 15, "real"),
    ("1/(3+7i)", 15, "real"),
    ("sqrt(-5)", 15, "complex"),
    ("ln(-2)", 15, "complex"),
    ("asin(3)", 15, "complex"),
    ("acos(-3)", 15, "complex"),
    ("acosh(0.25)", 15, "complex"),
    ("atanh(-3)", 15, "complex"),
    ("(-5)^(1/3)", 15, "complex"),
    ("(-2)^0.75", 15, "complex"),
    ("log(-10, 3)", 15, "complex"),
]


def names():
    table = pebble_names("rad")
    table.update(
        {
            "i": mp.mpc(0, 1),
            "re": mp.re,
            "im": mp.im,
            "arg": mp.arg,
            "conj": mp.conj,
            "abs": abs,
            # mpmath's principal root of a complex number, as pebble's cbrt
            # of a non-real one; the rows take none of a negative real.
            "cbrt": lambda z: mp.power(z, mp.mpf(1) / 3),
        }
    )
    return table


def part(value, digits):
    return "0" if value == 0 else rounded(value, digits)


def main():
    out = Path(__file__).resolve().parent.parent / "fixtures" / "complex.tsv"
    lines = ["# expression\tdigits\tmode\treal part\timaginary part (mpmath, 150 digits, rounded half-even)"]
    for expression, digits, mode in CASES:
        # `2i` is 2*i.
        python = to_python(re.sub(r"(\d)i\b", r"\1*i", expression))
        value = mp.mpc(eval(python, names()))  # noqa: S307 - our own table
        re_text, im_text = part(value.real, digits), part(value.imag, digits)
        lines.append(f"{expression}\t{digits}\t{mode}\t{re_text}\t{im_text}")
    out.write_text("\n".join(lines) + "\n")
    print(f"wrote {len(CASES)} cases to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
