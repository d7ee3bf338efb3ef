"""pebble's functions and constants as mpmath ones, for the oracle
generators (generate.py and generate_proven.py): one table, so both judge
the same names the same way."""

import mpmath as mp


def pebble_names(angle="rad"):
    """The table at the current mpmath precision; with angle "deg", the
    trigonometric functions take and give degrees as pebble's do."""
    table = {
        "sqrt": mp.sqrt,
        "cbrt": mp.cbrt,
        "sin": mp.sin,
        "cos": mp.cos,
        "tan": mp.tan,
        "asin": mp.asin,
        "acos": mp.acos,
        "atan": mp.atan,
        "sinh": mp.sinh,
        "cosh": mp.cosh,
        "tanh": mp.tanh,
        "asinh": mp.asinh,
        "acosh": mp.acosh,
        "atanh": mp.atanh,
        "ln": mp.log,
        "log": lambda x, b=10: mp.log(x, b),
        "log2": lambda x: mp.log(x, 2),
        "exp": mp.exp,
        "floor": mp.floor,
        "ceil": mp.ceil,
        "trunc": lambda x: mp.sign(x) * mp.floor(abs(x)),
        # pebble rounds half away from zero.
        "round": lambda x: mp.sign(x) * mp.floor(abs(x) + mp.mpf(1) / 2),
        "sign": mp.sign,
        "pi": +mp.pi,
        "e": +mp.e,
        "tau": 2 * mp.pi,
        "mp": mp,
    }
    if angle == "deg":
        k = mp.pi / 180
        for name in ("sin", "cos", "tan"):
            table[name] = (lambda f: lambda x: f(x * k))(table[name])
        for name in ("asin", "acos", "atan"):
            table[name] = (lambda f: lambda x: f(x) / k)(table[name])
    return table
