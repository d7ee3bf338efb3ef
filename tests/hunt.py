#!/usr/bin/env python3
"""An adversarial accuracy hunt: pebble against mpmath on 6,000-odd seeded cases.

    python3 tests/hunt.py PEBBLE_BINARY

The cases are built to be hard but decidable: identities that are exactly 0
(sin(1)^2+cos(1)^2-1, sqrt(284+64*sqrt(7))-16-2*sqrt(7)), values a hair
from a whole number, huge and tiny arguments, domain edges, and random
expressions, in radians and degrees, at 15, 40 and 100 digits. Each case's
truth comes from mpmath at two precisions that must agree (cached in
target/hunt/references.json, recomputed when the case generator changes).
Every printed digit must equal mpmath's, rounded half-even; every answer
pebble calls exact is probed with `(expr) to frac`.

Exits 1 when any case is WRONG (a wrong digit, a false exact claim, a
domain error where a value exists, a crash). Refusals (an honest "cannot
tell" where a value exists) are counted against issue 23's goal of at most
100 and reported, never asserted. The full report is target/hunt/report.md
and every case's outcome target/hunt/results.json.
"""
import sys, os, re, json, time, random, hashlib, subprocess, math, multiprocessing
from fractions import Fraction
from decimal import Decimal, getcontext, ROUND_HALF_EVEN, InvalidOperation
from collections import defaultdict, Counter
import mpmath
from mpmath import mp, mpf

sys.set_int_max_str_digits(0)
# Issue 23: at most 100 refusals of the decidable values.
REFUSAL_GOAL = 100
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'target', 'hunt')
getcontext().prec = 2000
getcontext().Emax = 999999999999999999
getcontext().Emin = -999999999999999999

# ----------------------------------------------------------------------------
# expression trees
# ----------------------------------------------------------------------------

def lit(x):
    if isinstance(x, E):
        return x
    if isinstance(x, bool):
        raise TypeError
    if isinstance(x, int):
        return E('num', str(x), Fraction(x)) if x >= 0 else -E('num', str(-x), Fraction(-x))
    if isinstance(x, Fraction):
        if x.denominator == 1:
            return lit(x.numerator)
        return lit(x.numerator) / lit(x.denominator)
    if isinstance(x, str):
        if x.startswith('-'):
            return -lit(x[1:])
        return E('num', x, Fraction(Decimal(x)))
    raise TypeError(x)


class E:
    __slots__ = ('kind', 'a', 'b', 'c')

    def __init__(self, kind, a=None, b=None, c=None):
        self.kind, self.a, self.b, self.c = kind, a, b, c

    def __add__(s, o): return E('bin', '+', s, lit(o))
    def __radd__(s, o): return E('bin', '+', lit(o), s)
    def __sub__(s, o): return E('bin', '-', s, lit(o))
    def __rsub__(s, o): return E('bin', '-', lit(o), s)
    def __mul__(s, o): return E('bin', '*', s, lit(o))
    def __rmul__(s, o): return E('bin', '*', lit(o), s)
    def __truediv__(s, o): return E('bin', '/', s, lit(o))
    def __rtruediv__(s, o): return E('bin', '/', lit(o), s)
    def __pow__(s, o): return E('bin', '^', s, lit(o))
    def __rpow__(s, o): return E('bin', '^', lit(o), s)
    def __mod__(s, o): return E('bin', 'mod', s, lit(o))
    def __neg__(s): return E('neg', s)

    def atomic(self):
        return self.kind in ('num', 'const', 'fn', 'known') and not (
            self.kind == 'known' and not self.b.atomic())

    def render(self):
        k = self.kind
        if k == 'num':
            return self.a
        if k == 'const':
            return self.a
        if k == 'known':
            return self.b.render()
        if k == 'fn':
            return '%s(%s)' % (self.a, ', '.join(x.render() for x in self.b))
        if k == 'neg':
            return '-' + wrap(self.a)
        if k == 'fact':
            return wrap(self.a) + '!'
        if k == 'degsym':
            return wrap(self.a) + '°'
        if k == 'bin':
            op = self.a
            l, r = self.b, self.c
            if op in '+':
                ls = l.render() if l.kind != 'bin' or l.a in '+-' else wrap(l)
                ls = l.render()
                rs = wrap(r) if (r.kind == 'neg' or (r.kind == 'bin' and r.a in '+-') or
                                 (r.kind == 'known' and r.b.kind in ('bin', 'neg'))) else r.render()
                return ls + '+' + rs
            if op == '-':
                ls = l.render()
                rs = wrap(r) if (r.kind in ('neg',) or (r.kind == 'bin' and r.a in '+-') or
                                 (r.kind == 'known' and r.b.kind in ('bin', 'neg'))) else r.render()
                return ls + '-' + rs
            if op in ('*', '/', 'mod'):
                def side(x, right):
                    y = x.b if x.kind == 'known' else x
                    if y.kind == 'neg' or (y.kind == 'bin' and (y.a in '+-' or (right and y.a in ('*', '/', 'mod')))):
                        return wrap(x)
                    return x.render()
                sep = ' mod ' if op == 'mod' else op
                return side(l, False) + sep + side(r, True)
            if op == '^':
                return wrap(l) + '^' + wrap(r)
        raise ValueError(k)


def wrap(x):
    return x.render() if x.atomic() else '(' + x.render() + ')'


def K(expr, value):
    """annotate: expr equals value (a Fraction) exactly, by construction"""
    return E('known', Fraction(value), expr)


PI = E('const', 'pi')
EE = E('const', 'e')
TAU = E('const', 'tau')


def F(name, *args):
    return E('fn', name, [lit(a) for a in args])

for _n in ('sqrt cbrt abs sign floor ceil round trunc sin cos tan asin acos atan sinh cosh '
           'tanh asinh acosh atanh ln log log2 exp atan2 hypot comb perm min max gcd lcm').split():
    globals()[_n] = (lambda nm: (lambda *a: F(nm, *a)))(_n)


import builtins as _bi


def _smart(nm):
    b = getattr(_bi, nm)
    def f(*a):
        if any(isinstance(x, E) for x in a):
            return F(nm, *a)
        return b(*a)
    return f

for _n in ('abs', 'round', 'min', 'max'):
    globals()[_n] = _smart(_n)


def fact(x): return E('fact', lit(x))
def degsym(x): return E('degsym', lit(x))

# ----------------------------------------------------------------------------
# reference evaluator (mpmath), with exactness tracking
# ----------------------------------------------------------------------------

class Domain(Exception): pass
class Undecided(Exception): pass
class GenBug(Exception): pass
class Limit(Exception): pass

LIMBITS = 131072


class Ctx:
    def __init__(self, dps, deg):
        self.dps, self.deg = dps, deg
        self.tol = mpf(10) ** (-(dps - 40))
        self.limit = False   # an intermediate passed pebble's documented limits
        self.lenient = False  # inside a built identity: near-boundary means on the boundary


def fr2mpf(q):
    return mpf(q.numerator) / q.denominator


def mpf2dec(v, dps):
    return Decimal(mpmath.nstr(v, dps, strip_zeros=False, min_fixed=1, max_fixed=0)
                   .replace('e+', 'e'))


def iroot(n, k):
    """exact integer k-th root of n>=0, or None"""
    if n < 0:
        return None
    if n < 2:
        return n
    r = int(round(float(mpmath.root(mpf(n), k)))) if n.bit_length() < 1000 else None
    if r is None:
        with mpmath.workdps(n.bit_length() // 3 + 30):
            r = int(mpmath.nint(mpmath.root(mpf(n), k)))
    for c in (r - 1, r, r + 1):
        if c >= 0 and c ** k == n:
            return c
    return None


def qroot(q, k):
    if q < 0:
        if k % 2 == 0:
            return None
        r = qroot(-q, k)
        return -r if r is not None else None
    a, b = iroot(q.numerator, k), iroot(q.denominator, k)
    if a is None or b is None:
        return None
    return Fraction(a, b)


def qbits(q):
    return max(q.numerator.bit_length(), q.denominator.bit_length())


def near_int(v, c):
    n = mpmath.nint(v)
    return abs(v - n) <= c.tol * max(1, abs(v)), int(n)


class V:
    __slots__ = ('v', 'q', 'pim')
    def __init__(self, v, q=None, pim=None):
        self.v, self.q, self.pim = v, q, pim   # pim: value is exactly pim*pi


def pimv(r):
    if r == 0:
        return exact(Fraction(0))
    return V(fr2mpf(r) * mp.pi, None, r)


def ev(e, c):
    r = _ev(e, c)
    if r.q is not None:
        if qbits(r.q) > LIMBITS:
            c.limit = True
    elif r.v != 0:
        m = mpmath.mag(r.v)
        if m > LIMBITS - 8 or m < -LIMBITS + 8:
            c.limit = True
    return r


def exact(q):
    return V(fr2mpf(q), q)


def sgn_decided(x, c, what='sign'):
    """sign of x: -1/0/1 ; raise Undecided if inexact and tiny"""
    if x.q is not None:
        return (x.q > 0) - (x.q < 0)
    if abs(x.v) <= c.tol:
        if c.lenient:
            return 0
        raise Undecided(what)
    return 1 if x.v > 0 else -1


def to_rad(x, c):
    return x * mp.pi / 180 if c.deg else x


def from_rad(x, c):
    return x * 180 / mp.pi if c.deg else x


TRIG_DEG_EXACT = {
    'sin': {0: 0, 30: Fraction(1, 2), 90: 1, 150: Fraction(1, 2), 180: 0, 210: Fraction(-1, 2), 270: -1, 330: Fraction(-1, 2)},
    'cos': {0: 1, 60: Fraction(1, 2), 90: 0, 120: Fraction(-1, 2), 180: -1, 240: Fraction(-1, 2), 270: 0, 300: Fraction(1, 2)},
    'tan': {0: 0, 45: 1, 135: -1, 180: 0, 225: 1, 315: -1},
}


def _ev(e, c):
    k = e.kind
    if k == 'num':
        return exact(e.b)
    if k == 'const':
        return {'pi': pimv(Fraction(1)), 'e': V(+mp.e), 'tau': pimv(Fraction(2))}[e.a]
    if k == 'known':
        want = e.a
        try:
            x = ev(e.b, c)
        except (Undecided, Domain):
            old = c.lenient
            c.lenient = True
            try:
                x = ev(e.b, c)
            except (Undecided, Domain) as err:
                raise GenBug('identity not evaluable: %s' % err)
            finally:
                c.lenient = old
        if x.q is not None:
            if x.q != want:
                raise GenBug('identity exact mismatch %s vs %s' % (x.q, want))
            return x
        w = fr2mpf(want)
        if abs(x.v - w) > mpf(10) ** (-(c.dps // 2)) * max(1, abs(w)):
            raise GenBug('identity mismatch %s vs %s' % (mpmath.nstr(x.v, 20), want))
        return exact(want)
    if k == 'neg':
        x = ev(e.a, c)
        return V(-x.v, -x.q if x.q is not None else None, -x.pim if x.pim is not None else None)
    if k == 'degsym':
        x = ev(e.a, c)
        if c.deg:
            return x
        if x.q is not None:
            return pimv(x.q / 180)
        return V(x.v * mp.pi / 180)
    if k == 'fact':
        x = ev(e.a, c)
        if x.q is None:
            ok, n = near_int(x.v, c)
            if ok:
                if not c.lenient or n < 0:
                    raise Undecided('factorial arg')
                return exact(Fraction(math.factorial(n)))
            raise Domain('factorial non-integer')
        if x.q.denominator != 1 or x.q < 0:
            raise Domain('factorial')
        n = x.q.numerator
        if n > 5000:
            c.limit = True
            return V(mpmath.factorial(n))
        return exact(Fraction(math.factorial(n)))
    if k == 'bin':
        op = e.a
        if op == 'mod' and e.b.kind == 'bin' and e.b.a == '^':
            bb, ee, mm = ev(e.b.b, c), ev(e.b.c, c), ev(e.c, c)
            if all(x.q is not None and x.q.denominator == 1 for x in (bb, ee, mm)) and ee.q >= 0 and mm.q != 0:
                return exact(Fraction(pow(int(bb.q), int(ee.q), int(mm.q))))
        a = ev(e.b, c)
        b = ev(e.c, c)
        pa = a.pim if a.pim is not None else (Fraction(0) if a.q == 0 else None)
        pb = b.pim if b.pim is not None else (Fraction(0) if b.q == 0 else None)
        if op in '+-' and pa is not None and pb is not None and (a.pim is not None or b.pim is not None):
            return pimv(pa + pb if op == '+' else pa - pb)
        if op == '*' and a.pim is not None and b.q is not None:
            return pimv(a.pim * b.q)
        if op == '*' and b.pim is not None and a.q is not None:
            return pimv(b.pim * a.q)
        if op == '/' and a.pim is not None and b.q is not None and b.q != 0:
            return pimv(a.pim / b.q)
        if op == '/' and a.pim is not None and b.pim is not None:
            return exact(a.pim / b.pim)
        if op in '+-*':
            if a.q is not None and b.q is not None:
                return exact(a.q + b.q if op == '+' else a.q - b.q if op == '-' else a.q * b.q)
            if op == '*' and ((a.q == 0) or (b.q == 0)):
                return exact(Fraction(0))
            return V(a.v + b.v if op == '+' else a.v - b.v if op == '-' else a.v * b.v)
        if op == '/':
            if sgn_decided(b, c, 'divisor') == 0:
                raise Domain('division by zero')
            if a.q is not None and b.q is not None:
                return exact(a.q / b.q)
            if a.q == 0:
                return exact(Fraction(0))
            return V(a.v / b.v)
        if op == 'mod':
            if sgn_decided(b, c, 'mod') == 0:
                raise Domain('mod by zero')
            if a.q is not None and b.q is not None:
                return exact(a.q - b.q * math.floor(a.q / b.q))
            if a.pim is not None and b.pim is not None:
                return pimv(a.pim - b.pim * math.floor(a.pim / b.pim))
            t = a.v / b.v
            ok, n = near_int(t, c)
            if ok:
                raise Undecided('mod boundary')
            return V(a.v - b.v * mpmath.floor(t))
        if op == '^':
            return power(a, b, c)
    if k == 'fn':
        return func(e.a, [ev(x, c) for x in e.b], c)
    raise ValueError(k)


def power(a, b, c):
    extra = (qbits(a.q) if a.q is not None else 0) + (qbits(b.q) if b.q is not None else 0)
    if extra > 32:
        with mpmath.workprec(mp.prec + min(extra, 600000) + 64):
            a2 = V(fr2mpf(a.q), a.q) if a.q is not None else a
            b2 = V(fr2mpf(b.q), b.q) if b.q is not None else b
            r = power_inner(a2, b2, c)
        return V(+r.v, r.q)
    return power_inner(a, b, c)


def power_inner(a, b, c):
    # exponent exact?
    if b.q is not None:
        x = b.q
        if a.q is not None:
            if a.q == 0:
                if x > 0:
                    return exact(Fraction(0))
                if x == 0:
                    return exact(Fraction(1))
                raise Domain('0 to negative power')
            if x.denominator == 1:
                n = x.numerator
                est = abs(n) * max(qbits(a.q), 1)
                if a.q in (1, -1):
                    return exact(a.q ** (n % 2 if a.q == -1 else 0) if a.q == -1 else Fraction(1))
                if est < 4 * LIMBITS:
                    return exact(a.q ** n)
                s = -1 if (a.q < 0 and n % 2) else 1
                return V(s * mpmath.power(abs(fr2mpf(a.q)), n))
            # rational exponent p/q
            p, qd = x.numerator, x.denominator
            if a.q < 0 and qd % 2 == 0:
                raise Domain('even root of negative')
            r = qroot(a.q, qd) if (qbits(a.q) < 20000 and qd <= 64) else None
            if r is not None and abs(p) * max(qbits(r), 1) < 4 * LIMBITS:
                if r == 0 and p < 0:
                    raise Domain('0 to negative power')
                return exact(r ** p)
            s = -1 if (a.q < 0 and p % 2) else 1
            return V(s * mpmath.power(abs(fr2mpf(a.q)), fr2mpf(x)))
        # inexact base, exact exponent
        sa = sgn_decided(a, c, 'pow base') if (x.denominator != 1 or x <= 0) else (1 if a.v > 0 else -1 if a.v < 0 else 0)
        if x.denominator == 1:
            n = x.numerator
            if n == 0:
                return exact(Fraction(1))
            return V(mpmath.power(a.v, n))
        if sa < 0 and x.denominator % 2 == 0:
            raise Domain('even root of negative')
        if sa == 0:
            return V(mpf(0))
        s = -1 if (sa < 0 and x.numerator % 2) else 1
        return V(s * mpmath.power(abs(a.v), fr2mpf(x)))
    # inexact exponent
    sa = sgn_decided(a, c, 'pow base')
    if sa < 0:
        for qd in range(1, 65):
            t = b.v * qd
            n = mpmath.nint(t)
            if abs(t - n) <= c.tol * max(1, abs(t)):
                if not c.lenient:
                    raise Undecided('negative base, exponent near rational %s/%s' % (int(n), qd))
                return power_inner(a, exact(Fraction(int(n), qd)), c)
        raise Domain('negative base, irrational exponent')
    if sa == 0:
        if sgn_decided(b, c, 'pow exp') > 0:
            return exact(Fraction(0))
        raise Domain('0 to negative power')
    if a.q == 1:
        return exact(Fraction(1))
    return V(mpmath.power(a.v, b.v))


def snap_log(val, x, base, c):
    """if val ~ p/q (q<=60) and x^q == base^p exactly, return Fraction"""
    if x.q is None or base is None:
        return None
    fr = mpmath.identify  # unused
    for qd in range(1, 61):
        t = val * qd
        n = mpmath.nint(t)
        if abs(t - n) < mpf(10) ** (-(c.dps // 2)):
            p = int(n)
            if abs(p) * qbits(base) > 20000 or qd * qbits(x.q) > 20000:
                return None
            bp = base ** p if p >= 0 else Fraction(1) / base ** (-p)
            if x.q ** qd == bp:
                return Fraction(p, qd)
            return None
    return None


TRANSC = set('sqrt cbrt ln log log2 exp sin cos tan asin acos atan atan2 hypot sinh cosh tanh asinh acosh atanh'.split())


def func(name, args, c):
    if name in TRANSC:
        extra = sum(min(qbits(x.q), 600000) for x in args if x.q is not None)
        if extra > 32:
            with mpmath.workprec(mp.prec + extra + 64):
                args2 = [V(fr2mpf(x.q), x.q) if x.q is not None else x for x in args]
                r = func_inner(name, args2, c)
            return V(+r.v, r.q, r.pim)
    return func_inner(name, args, c)


def func_inner(name, args, c):
    a = args[0]
    if name == 'sqrt':
        s = sgn_decided(a, c, 'sqrt arg')
        if s < 0:
            raise Domain('sqrt negative')
        if a.q is not None:
            r = qroot(a.q, 2) if qbits(a.q) < 300000 else None
            if r is not None:
                return exact(r)
        return V(mpmath.sqrt(a.v) if s > 0 else mpf(0))
    if name == 'cbrt':
        if a.q is not None:
            r = qroot(a.q, 3) if qbits(a.q) < 300000 else None
            if r is not None:
                return exact(r)
        return V(mpmath.cbrt(a.v) if a.v >= 0 else -mpmath.cbrt(-a.v))
    if name in ('ln', 'log', 'log2'):
        if len(args) == 2:
            b = args[1]
            if sgn_decided(a, c, 'log arg') <= 0 or sgn_decided(b, c, 'log base') <= 0:
                raise Domain('log of nonpositive')
            lb = mpmath.ln(b.v)
            if b.q == 1 or (b.q is None and abs(lb) <= c.tol):
                if b.q == 1:
                    raise Domain('log base 1')
                raise Undecided('log base 1?')
            val = mpmath.ln(a.v) / lb
            if a.q is not None and b.q is not None:
                s = snap_log(val, a, b.q, c)
                if s is not None:
                    return exact(s)
            return V(val)
        if sgn_decided(a, c, 'log arg') <= 0:
            raise Domain('log of nonpositive')
        if a.q == 1:
            return exact(Fraction(0))
        if name == 'ln':
            return V(mpmath.ln(a.v))
        base = 10 if name == 'log' else 2
        val = mpmath.log(a.v, base)
        s = snap_log(val, a, Fraction(base), c)
        if s is not None:
            return exact(s)
        return V(val)
    if name == 'exp':
        if a.q == 0:
            return exact(Fraction(1))
        return V(mpmath.exp(a.v))
    if name in ('sin', 'cos', 'tan'):
        r = None
        if a.q is not None and c.deg:
            r = (a.q % 360) / 180
        elif a.pim is not None and not c.deg:
            r = a.pim % 2
        elif a.q == 0:
            r = Fraction(0)
        if r is not None:
            if name == 'tan' and (r % 1) == Fraction(1, 2):
                raise Domain('tan undefined')
            tb = {'sin': {0: 0, 1: 0, Fraction(1, 2): 1, Fraction(3, 2): -1, Fraction(1, 6): Fraction(1, 2),
                          Fraction(5, 6): Fraction(1, 2), Fraction(7, 6): Fraction(-1, 2), Fraction(11, 6): Fraction(-1, 2)},
                  'cos': {0: 1, 1: -1, Fraction(1, 2): 0, Fraction(3, 2): 0, Fraction(1, 3): Fraction(1, 2),
                          Fraction(5, 3): Fraction(1, 2), Fraction(2, 3): Fraction(-1, 2), Fraction(4, 3): Fraction(-1, 2)},
                  'tan': {0: 0, 1: 0, Fraction(1, 4): 1, Fraction(5, 4): 1, Fraction(3, 4): -1, Fraction(7, 4): -1}}[name]
            if r in tb:
                return exact(Fraction(tb[r]))
            x = fr2mpf(r) * mp.pi
            return V(mpmath.sin(x) if name == 'sin' else mpmath.cos(x) if name == 'cos' else mpmath.tan(x))
        x = to_rad(a.v, c)
        if name == 'tan':
            cs = mpmath.cos(x)
            if abs(cs) <= c.tol * (max(1, abs(x)) if a.q is None else 1):
                # exact poles (rational multiples of pi) were handled above; anything else is undecided here
                raise Undecided('tan pole?')
            return V(mpmath.tan(x))
        return V(mpmath.sin(x) if name == 'sin' else mpmath.cos(x))
    if name in ('asin', 'acos'):
        if a.q is not None:
            if abs(a.q) > 1:
                raise Domain('asin range')
            if c.deg:
                tbl = {'asin': {0: 0, Fraction(1, 2): 30, 1: 90, Fraction(-1, 2): -30, -1: -90},
                       'acos': {1: 0, Fraction(1, 2): 60, 0: 90, Fraction(-1, 2): 120, -1: 180}}[name]
                if a.q in tbl:
                    return exact(Fraction(tbl[a.q]))
            else:
                tbl = {'asin': {0: 0, Fraction(1, 2): Fraction(1, 6), 1: Fraction(1, 2), Fraction(-1, 2): Fraction(-1, 6), -1: Fraction(-1, 2)},
                       'acos': {1: 0, Fraction(1, 2): Fraction(1, 3), 0: Fraction(1, 2), Fraction(-1, 2): Fraction(2, 3), -1: Fraction(1)}}[name]
                if a.q in tbl:
                    return pimv(Fraction(tbl[a.q]))
        else:
            if abs(abs(a.v) - 1) <= c.tol:
                if not c.lenient:
                    raise Undecided('asin edge')
                s1 = 1 if a.v > 0 else -1
                return func(name, [exact(Fraction(s1))], c)
            if abs(a.v) > 1:
                raise Domain('asin range')
        return V(from_rad(mpmath.asin(a.v) if name == 'asin' else mpmath.acos(a.v), c))
    if name == 'atan':
        if a.q is not None:
            if a.q == 0:
                return exact(Fraction(0))
            if abs(a.q) == 1:
                return exact(Fraction(45) * a.q) if c.deg else pimv(Fraction(1, 4) * a.q)
        return V(from_rad(mpmath.atan(a.v), c))
    if name == 'atan2':
        y, x = args
        sy, sx = sgn_decided(y, c), sgn_decided(x, c)
        if sy == 0 and sx == 0:
            raise Domain('atan2(0,0)')
        if sy == 0 and sx > 0:
            return exact(Fraction(0))
        return V(from_rad(mpmath.atan2(y.v, x.v), c))
    if name == 'hypot':
        y = args[1]
        if a.q is not None and y.q is not None:
            r = qroot(a.q ** 2 + y.q ** 2, 2)
            if r is not None:
                return exact(r)
        return V(mpmath.hypot(a.v, y.v))
    if name in ('sinh', 'tanh', 'asinh'):
        if a.q == 0:
            return exact(Fraction(0))
        return V(getattr(mpmath, name)(a.v))
    if name == 'cosh':
        if a.q == 0:
            return exact(Fraction(1))
        return V(mpmath.cosh(a.v))
    if name == 'acosh':
        if a.q is not None:
            if a.q < 1:
                raise Domain('acosh')
            if a.q == 1:
                return exact(Fraction(0))
        elif abs(a.v - 1) <= c.tol:
            if not c.lenient:
                raise Undecided('acosh edge')
            return exact(Fraction(0))
        elif a.v < 1:
            raise Domain('acosh')
        return V(mpmath.acosh(a.v))
    if name == 'atanh':
        if a.q is not None:
            if abs(a.q) >= 1:
                raise Domain('atanh')
            if a.q == 0:
                return exact(Fraction(0))
        elif abs(abs(a.v) - 1) <= c.tol:
            raise Undecided('atanh edge')
        elif abs(a.v) >= 1:
            raise Domain('atanh')
        return V(mpmath.atanh(a.v))
    if name == 'abs':
        return V(abs(a.v), abs(a.q) if a.q is not None else None)
    if name == 'sign':
        return exact(Fraction(sgn_decided(a, c)))
    if name in ('floor', 'ceil', 'round', 'trunc'):
        d = 0
        if len(args) == 2:
            d = args[1].q
            assert d is not None and d.denominator == 1
            d = int(d)
        sc = Fraction(10) ** d
        if a.q is not None:
            t = a.q * sc
        else:
            tv = a.v * fr2mpf(sc)
            t = None
            if name == 'round':
                ok, n = near_int(tv - mpf(0.5) * mpmath.sign(tv), c)
                if ok:
                    if not c.lenient:
                        raise Undecided('round tie?')
                    t = Fraction(n) + Fraction(1, 2) * int(mpmath.sign(tv))
            else:
                ok, n = near_int(tv, c)
                if ok:
                    if not c.lenient:
                        raise Undecided('floor boundary')
                    t = Fraction(n)
        def rnd(t):
            if name == 'floor': return math.floor(t)
            if name == 'ceil': return math.ceil(t)
            if name == 'trunc': return math.trunc(t)
            # half away from zero
            s = 1 if t >= 0 else -1
            return s * math.floor(abs(t) + Fraction(1, 2))
        if t is not None:
            return exact(Fraction(rnd(t)) / sc if a.q is not None or name != 'round' or True else None)
        if name == 'floor': n = int(mpmath.floor(tv))
        elif name == 'ceil': n = int(mpmath.ceil(tv))
        elif name == 'trunc': n = int(mpmath.floor(abs(tv))) * (1 if tv > 0 else -1)
        else: n = int(mpmath.floor(abs(tv) + mpf(0.5))) * (1 if tv > 0 else -1)
        return exact(Fraction(n) / sc)
    if name in ('min', 'max'):
        if all(x.q is not None for x in args):
            return exact((min if name == 'min' else max)(x.q for x in args))
        vs = [x.v for x in args]
        return V(min(vs) if name == 'min' else max(vs))
    if name in ('gcd', 'lcm', 'comb', 'perm'):
        qs = [x.q for x in args]
        assert all(q is not None and q.denominator == 1 for q in qs)
        ns = [int(q) for q in qs]
        if name == 'gcd':
            return exact(Fraction(math.gcd(*ns)))
        if name == 'lcm':
            return exact(Fraction(math.lcm(*ns)))
        if name == 'comb':
            return exact(Fraction(math.comb(*ns)))
        return exact(Fraction(math.perm(*ns)))
    raise ValueError(name)


def reference(e, deg, dps):
    c = Ctx(dps, deg)
    with mpmath.workdps(dps):
        try:
            r = ev(e, c)
        except Domain as x:
            return ('domain', str(x), c.limit)
        except Undecided as x:
            return ('undecided', str(x), c.limit)
        except GenBug as x:
            return ('genbug', str(x), c.limit)
        except (OverflowError, ValueError, ZeroDivisionError) as x:
            return ('undecided', 'mpmath ' + type(x).__name__ + ' ' + str(x)[:60], c.limit)
        if r.q is not None:
            return ('exact', r.q, c.limit)
        if r.v == 0 or abs(r.v) < mpf(10) ** -300 and mpmath.mag(r.v) > -1000 and False:
            return ('undecided', 'inexact zero', c.limit)
        if r.v == 0:
            return ('undecided', 'inexact zero', c.limit)
        if not mpmath.isfinite(r.v):
            return ('undecided', 'mpmath nonfinite', c.limit)
        return ('approx', mpmath.nstr(r.v, dps - 15, strip_zeros=False, min_fixed=1, max_fixed=0)
                .replace('e+', 'e'), c.limit)


def combine(r1, r2, digits):
    if r1[0] != r2[0]:
        return {'kind': 'undecided', 'why': 'unstable %s/%s' % (r1[0], r2[0])}
    kind = r2[0]
    lim = r1[2] or r2[2]
    if kind == 'exact':
        if r1[1] != r2[1]:
            return {'kind': 'undecided', 'why': 'unstable exact'}
        q = r2[1]
        return {'kind': 'exact', 'num': str(q.numerator), 'den': str(q.denominator), 'limit': lim}
    if kind == 'approx':
        try:
            d1, d2 = Decimal(r1[1]), Decimal(r2[1])
        except InvalidOperation:
            return {'kind': 'undecided', 'why': 'bad decimal %r %r' % (r1[1][:30], r2[1][:30])}
        if d2 == 0 or abs(d1 - d2) > abs(d2) * Decimal(10) ** -(digits + 40):
            return {'kind': 'undecided', 'why': 'unstable approx'}
        return {'kind': 'approx', 'v400': r1[1], 'v800': r2[1], 'limit': lim}
    return {'kind': kind, 'why': str(r2[1]), 'limit': lim}


def final_ref(e, deg, digits):
    base = max(400, digits + 200)
    res = None
    for d in (base, max(2500, 3 * base)):
        res = combine(reference(e, deg, d), reference(e, deg, 2 * d), digits)
        res['dps'] = d
        if res['kind'] not in ('undecided', 'genbug'):
            return res
    return res


# ----------------------------------------------------------------------------
# case generation
# ----------------------------------------------------------------------------

CASES = []


def add(fam, e, deg=False, digits=15):
    CASES.append((fam, e, deg, digits))


def gen_cases():
    R = random.Random(20261207)
    rint = R.randint

    # --- A. Pythagorean / trig / hyperbolic zero identities -----------------
    args = [lit(1), lit(2), lit(3), lit('0.5'), lit('1e-5'), lit('1e-20'), lit(7) / 3, sqrt(2), sqrt(3) + 1,
            lit(100), lit(10 ** 6), lit(10 ** 15), lit(10 ** 22), lit('123.456'), PI / 7, EE, lit(-5), lit(2) ** 64,
            ln(3), PI * 1000001 / 3]
    for i in range(10):
        args.append(lit(Fraction(rint(1, 10 ** 6), rint(1, 999))))
    for x in args:
        add('pyth0', K(sin(x) ** 2 + cos(x) ** 2 - 1, 0))
        add('pyth0', K(sin(2 * x) - 2 * sin(x) * cos(x), 0))
        add('pyth0', K(cos(2 * x) - (1 - 2 * sin(x) ** 2), 0))
        add('pyth0', K(sin(x) ** 2 + cos(x) ** 2, 1))
        add('pyth0', K(sin(-x) + sin(x), 0))
        add('pyth0', K(cos(-x) - cos(x), 0))
        add('pyth0', K(exp(x / 1000) * exp(-x / 1000) - 1, 0))
        for kk in (5, 30, 200):
            add('pyth_offset', K(sin(x) ** 2 + cos(x) ** 2 - 1 + lit('1e-%d' % kk), Fraction(1, 10 ** kk)))
        add('pyth_offset', K(cos(x) ** 2 + sin(x) ** 2 + 2, 3))
    for x in [lit(1), lit(2), lit('0.001'), lit(20), sqrt(5), lit(Fraction(3, 7))]:
        add('pyth0', K(cosh(x) ** 2 - sinh(x) ** 2 - 1, 0))
        add('pyth0', K(tanh(x) - sinh(x) / cosh(x), 0))
        add('pyth0', K(asinh(sinh(x)) - x, 0))
        add('pyth0', K(exp(x) - cosh(x) - sinh(x), 0))
    for x in ['0.1', '0.5', '0.9', '0.99999', '-0.3']:
        add('pyth0', K(asin(lit(x)) + acos(lit(x)) - PI / 2, 0))
        add('pyth0', K(2 * atan(lit(x)) - atan(2 * lit(x) / (1 - lit(x) ** 2)), 0) if abs(float(x)) < 1 else None)
        add('pyth0', K(sin(asin(lit(x))) - lit(x), 0))
        add('pyth0', K(cos(acos(lit(x))) - lit(x), 0))
        add('pyth0', K(tanh(atanh(lit(x))), Fraction(Decimal(x))))
    for x in [2, 3, 10, Fraction(1, 3), 1000]:
        add('pyth0', K(atan(lit(x)) + atan(1 / lit(x)) - PI / 2, 0))
        add('pyth0', K(tan(atan(lit(x))), x))
    # Machin
    add('pyth0', K(4 * atan(lit(Fraction(1, 5))) - atan(lit(Fraction(1, 239))) - PI / 4, 0))
    add('pyth0', K(atan(lit(1)) * 4 - PI, 0))
    add('pyth0', K(atan(lit(1)) + atan(lit(2)) + atan(lit(3)) - PI, 0))

    # --- B. exp / log identities --------------------------------------------
    qs = [2, 3, 7, 10, Fraction(7, 3), Fraction(1, 1000), 12345, 10 ** 12, Fraction(1, 10 ** 9), Fraction(22, 7),
          '0.001', '1.5', '99.99', 2 ** 40, 3 ** 20, 65537]
    for i in range(8):
        qs.append(Fraction(rint(1, 10 ** 8), rint(1, 10 ** 4)))
    for q in qs:
        x = lit(q)
        qv = Fraction(Decimal(q)) if isinstance(q, str) else Fraction(q)
        add('explog', K(EE ** ln(x), qv))
        add('explog', K(exp(ln(x)), qv))
        add('explog', K(10 ** log(x), qv))
        add('explog', K(2 ** log2(x), qv))
        add('explog', K(exp(ln(x)) - x, 0))
        add('explog', K(ln(x * x) - 2 * ln(x), 0))
        add('explog', K(log(x * 1000) - log(x) - 3, 0))
        add('explog', K(ln(x) + ln(7) - ln(7 * x), 0))
        add('explog', K(log(x, x), 1) if qv != 1 else None)
        add('explog', K(log(x ** 3, x), 3) if qv != 1 else None)
        if qv < 10 ** 6:
            add('explog', K(ln(EE ** x), qv))
            add('explog', K(ln(exp(x)) - x, 0))
            add('explog', K(log(10 ** x), qv) if qv.denominator in (1, 2, 3, 1000) and qv < 300 else None)
            add('explog', K(exp(x) * exp(2 * x) - exp(3 * x), 0) if qv < 1000 else None)
        add('explog', K(ln(x) / ln(2) - log2(x), 0))
        add('explog', K(log(x) * ln(10) - ln(x), 0))
    for b in [2, 3, 5, Fraction(1, 2), Fraction(2, 3), 10, 7]:
        for p in range(-3, 5):
            for qd in (1, 2, 3):
                if R.random() < 0.5:
                    add('explog', K(log(lit(b) ** p, lit(b) ** qd), Fraction(p, qd)))
    for k in range(1, 40, 3):
        add('explog', K(log(lit(10) ** k), k))
        add('explog', K(log2(lit(2) ** (k * 7)), k * 7))
        add('explog', K(ln(EE ** k) - k, 0))
    add('explog', K(log(lit(4), lit(8)), Fraction(2, 3)))
    add('explog', K(ln(lit(4)) - 2 * ln(lit(2)), 0))
    add('explog', K(log(lit(1), lit(7)), 0))
    add('explog', K(log(lit(1000)), 3))
    add('explog', K(log(lit('0.001')), -3))
    add('explog', K(log2(lit(Fraction(1, 1024))), -10))

    # --- C. roots ----------------------------------------------------------
    for i in range(40):
        a, b = rint(2, 500), rint(2, 500)
        add('roots', K(sqrt(lit(a)) * sqrt(lit(b)) - sqrt(lit(a * b)), 0))
        add('roots', K((sqrt(lit(a)) + sqrt(lit(b))) ** 2 - a - b - 2 * sqrt(lit(a * b)), 0))
        add('roots', K((sqrt(lit(a)) + sqrt(lit(b))) * (sqrt(lit(a)) - sqrt(lit(b))), a - b))
        add('roots', K(sqrt(lit(a)) / sqrt(lit(b)) - sqrt(lit(Fraction(a, b))), 0))
    for kk in [2, 7, 1013, 99991, 10 ** 10 + 19, 10 ** 20 + 7, 2 ** 100 - 1]:
        for n in [2, 3, 5, 6, 10, 7919]:
            add('roots', K(sqrt(lit(n * kk * kk)) - kk * sqrt(lit(n)), 0))
            add('roots', K(cbrt(lit(n * kk ** 3)) - kk * cbrt(lit(n)), 0))
            add('roots', K(sqrt(lit(n * kk * kk)) / sqrt(lit(n)), kk))
    for n in [2, 3, 5, 7, 10, 11, 1234567]:
        add('roots', K(sqrt(lit(n)) ** 2 - n, 0))
        add('roots', K(cbrt(lit(n)) ** 3 - n, 0))
        add('roots', K(sqrt(lit(n)) ** 6, n ** 3))
        add('roots', K(lit(n) ** Fraction(1, 2) - sqrt(lit(n)), 0))
        add('roots', K(lit(n) ** lit(Fraction(1, 3)) - cbrt(lit(n)), 0))
        add('roots', K(sqrt(lit(n)) * sqrt(lit(n) * 4), 2 * n))
        add('roots', K(1 / (sqrt(lit(n)) - 1) - (sqrt(lit(n)) + 1) / (n - 1), 0) if n > 1 else None)
    # denesting: sqrt(a^2 + b^2 n + 2ab sqrt n) = a + b sqrt n
    for i in range(40):
        a, b, n = rint(1, 30), rint(1, 30), R.choice([2, 3, 5, 6, 7])
        add('roots', K(sqrt(lit(a * a + b * b * n) + lit(2 * a * b) * sqrt(lit(n))) - a - b * sqrt(lit(n)), 0))
        m = rint(2, 12)
        # (a + b sqrt n)^m + (a - b sqrt n)^m is an integer
        s = 0
        for j in range(0, m + 1, 2):
            s += math.comb(m, j) * a ** (m - j) * (b * b * n) ** (j // 2)
        add('roots', K((a + b * sqrt(lit(n))) ** m + (a - b * sqrt(lit(n))) ** m, 2 * s))
    add('roots', K(cbrt(lit(16)) - 2 * cbrt(lit(2)), 0))
    add('roots', K(sqrt(2 * lit(1013) ** 2) - 1013 * sqrt(lit(2)), 0))
    add('roots', K(sqrt(lit(2)) * sqrt(lit(3)) - sqrt(lit(6)), 0))
    add('roots', K((sqrt(lit(2)) + sqrt(lit(3))) ** 2 - 5 - 2 * sqrt(lit(6)), 0))
    add('roots', K(cbrt(2 + sqrt(lit(5))) + cbrt(2 - sqrt(lit(5))), 1))
    add('roots', K(cbrt(cbrt(lit(2)) - 1) - (cbrt(lit(Fraction(1, 9))) - cbrt(lit(Fraction(2, 9))) + cbrt(lit(Fraction(4, 9)))), 0))
    add('roots', K(sqrt(3 + 2 * sqrt(lit(2))) - 1 - sqrt(lit(2)), 0))
    add('roots', K(sqrt(5 + 2 * sqrt(lit(6))) - sqrt(lit(2)) - sqrt(lit(3)), 0))
    add('roots', K(hypot(lit(3 * 10 ** 30), lit(4 * 10 ** 30)), 5 * 10 ** 30))
    add('roots', K(hypot(sqrt(lit(2)), sqrt(lit(7))), 3))
    for n in range(2, 30):
        add('roots', K(sqrt(lit(n ** 2 - 1)) * sqrt(lit(n ** 2 - 1)), n * n - 1))
        add('roots', floor(sqrt(lit(n ** 2 * 10 ** 30 - 1))))

    # --- D. trig at rational multiples of pi (radians) ----------------------
    closed = [
        (sin(PI / 12), (sqrt(lit(6)) - sqrt(lit(2))) / 4),
        (cos(PI / 12), (sqrt(lit(6)) + sqrt(lit(2))) / 4),
        (tan(PI / 8), sqrt(lit(2)) - 1),
        (tan(PI / 12), 2 - sqrt(lit(3))),
        (cos(PI / 5), (1 + sqrt(lit(5))) / 4),
        (sin(PI / 10), (sqrt(lit(5)) - 1) / 4),
        (cos(PI / 8), sqrt(2 + sqrt(lit(2))) / 2),
        (sin(PI / 8), sqrt(2 - sqrt(lit(2))) / 2),
        (tan(5 * PI / 12), 2 + sqrt(lit(3))),
        (cos(2 * PI / 5), (sqrt(lit(5)) - 1) / 4),
        (sin(PI / 3), sqrt(lit(3)) / 2),
        (tan(PI / 3), sqrt(lit(3))),
        (tan(PI / 6), 1 / sqrt(lit(3))),
        (cos(PI / 4), 1 / sqrt(lit(2))),
    ]
    for lhs, rhs in closed:
        add('trigpi', lhs)
        add('trigpi', K(lhs - rhs, 0))
        add('trigpi', K(lhs / rhs, 1))
    exacts = {(1, 6): Fraction(1, 2), (1, 2): 1, (5, 6): Fraction(1, 2), (7, 6): Fraction(-1, 2), (3, 2): -1,
              (11, 6): Fraction(-1, 2), (0, 1): 0, (1, 1): 0}
    for (p, q), val in exacts.items():
        for k in [0, 1, 7, 10 ** 3, 10 ** 6, 10 ** 15, 10 ** 30, 10 ** 100, 3 ** 200]:
            add('trigpi', K(sin(PI * (lit(Fraction(p, q)) + 2 * lit(k))), val))
            add('trigpi', K(sin(lit(Fraction(p, q)) * PI + 2 * lit(k) * PI), val) if k < 10 ** 50 else None)
            add('trigpi', K(cos(PI * (lit(Fraction(p, q)) + 2 * lit(k)) - PI / 2), val))
    for k in [0, 1, 3, 10, 20, 30, 60, 100, 300, 1000]:
        add('trigpi', tan(PI / 6 + 2 * PI * lit(10) ** k))
        add('trigpi', K(tan(PI / 6 + 2 * PI * lit(10) ** k) - 1 / sqrt(lit(3)), 0))
        add('trigpi', K(tan(PI / 4 + PI * lit(10) ** k), 1))
        add('trigpi', tan(PI / 2 + PI * lit(10) ** k))            # domain error
        add('trigpi', K(sin(lit(10) ** k * PI), 0))
        add('trigpi', K(cos(lit(10) ** k * PI), 1 if k > 0 else -1))
        add('trigpi', K(cos(TAU * lit(10) ** k + PI / 3), Fraction(1, 2)))
        add('trigpi', sin(PI / 7 + TAU * lit(10) ** k))
        add('trigpi', K(sin(PI / 7 + TAU * lit(10) ** k) - sin(PI / 7), 0))
    for i in range(80):
        q = R.choice([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 16, 24, 30, 60, 120])
        p = rint(-10 ** R.choice([1, 2, 5, 12]), 10 ** R.choice([1, 2, 5, 12]))
        f = R.choice(['sin', 'cos', 'tan'])
        add('trigpi', F(f, lit(Fraction(p, q)) * PI) if R.random() < 0.5 else F(f, PI * p / q))
    for x in [lit(10) ** 22, lit(2) ** 100, lit(10) ** 100, lit(3) ** 500, lit('1e300'), lit(10 ** 22) + Fraction(1, 3),
              lit(6381956970095103) * lit(2) ** 797, lit(5) ** 100, lit(7) ** 400, lit(10) ** 18000]:
        add('trigbig', sin(x))
        add('trigbig', cos(x))
        add('trigbig', tan(x))
        add('trigbig', K(sin(x) ** 2 + cos(x) ** 2 - 1, 0))
    for x in [1, 2, 3, '0.5', 10, 100]:
        add('trigpi', K(sin(lit(x)) - sin(PI - lit(x)), 0))
        add('trigpi', K(cos(lit(x)) + cos(PI - lit(x)), 0))
        add('trigpi', K(sin(lit(x) + TAU * 10 ** 20) - sin(lit(x)), 0))
        add('trigpi', sin(lit(x) + TAU * 10 ** 20))
    add('trigpi', K(asin(sin(lit(3))) - (PI - 3), 0))
    add('trigpi', K(acos(cos(lit(5))) - (TAU - 5), 0))
    add('trigpi', K(atan(tan(lit(2))) - (2 - PI), 0))
    add('trigpi', K(sin(degsym(lit(30))), Fraction(1, 2)))
    add('trigpi', K(cos(degsym(lit(360 * 10 ** 20 + 60))), Fraction(1, 2)))
    add('trigpi', K(sin(degsym(lit(180))), 0))

    # --- E. degree mode -----------------------------------------------------
    degexact = {('sin', 30): Fraction(1, 2), ('sin', 90): 1, ('sin', 150): Fraction(1, 2), ('sin', 0): 0, ('sin', 180): 0,
                ('sin', 270): -1, ('cos', 60): Fraction(1, 2), ('cos', 0): 1, ('cos', 90): 0, ('cos', 120): Fraction(-1, 2),
                ('cos', 180): -1, ('tan', 45): 1, ('tan', 135): -1, ('tan', 0): 0, ('tan', 225): 1}
    for (f, d), val in degexact.items():
        for k in [0, 1, -1, 17, 10 ** 3, 10 ** 10, 10 ** 20, 10 ** 50, 10 ** 300]:
            add('degrees', K(F(f, lit(d) + 360 * lit(k)), val), deg=True)
        add('degrees', K(F(f, lit(d) + 360 * lit(10) ** 40), val), deg=True)
    for k in [0, 1, 5, 10 ** 9, 10 ** 30]:
        add('degrees', tan(90 + 180 * lit(k)), deg=True)    # domain
        add('degrees', tan(lit(-90) - 360 * lit(k)), deg=True)
    deg_closed = [(sin(lit(18)), (sqrt(lit(5)) - 1) / 4), (cos(lit(36)), (1 + sqrt(lit(5))) / 4),
                  (tan(lit(15)), 2 - sqrt(lit(3))), (sin(lit(15)), (sqrt(lit(6)) - sqrt(lit(2))) / 4),
                  (sin(lit(45)), sqrt(lit(2)) / 2), (cos(lit(30)), sqrt(lit(3)) / 2), (tan(lit(60)), sqrt(lit(3))),
                  (tan(lit('22.5')), sqrt(lit(2)) - 1), (cos(lit(72)), (sqrt(lit(5)) - 1) / 4)]
    for lhs, rhs in deg_closed:
        add('degrees', lhs, deg=True)
        add('degrees', K(lhs - rhs, 0), deg=True)
    for f, x, val in [('asin', Fraction(1, 2), 30), ('acos', Fraction(-1, 2), 120), ('atan', 1, 45), ('asin', 1, 90),
                      ('acos', 0, 90), ('acos', -1, 180), ('atan', -1, -45), ('asin', -1, -90)]:
        add('degrees', K(F(f, lit(x)), val), deg=True)
    add('degrees', K(atan2(lit(1), lit(-1)), 135), deg=True)
    add('degrees', K(asin(sqrt(lit(2)) / 2), 45), deg=True)
    add('degrees', K(acos(sqrt(lit(3)) / 2), 30), deg=True)
    add('degrees', K(atan(sqrt(lit(3))), 60), deg=True)
    add('degrees', K(atan(1 / sqrt(lit(3))), 30), deg=True)
    add('degrees', K(asin(sin(lit(40))), 40), deg=True)
    add('degrees', K(acos(cos(lit(100))), 100), deg=True)
    for i in range(100):
        x = lit(Fraction(rint(-10 ** 6, 10 ** 6), R.choice([1, 1, 2, 3, 7, 10, 1000])))
        f = R.choice(['sin', 'cos', 'tan'])
        kk = R.choice([0, 1, 10 ** 5, 10 ** 20])
        add('degrees', F(f, x + 360 * lit(kk)), deg=True)
        if R.random() < 0.3:
            add('degrees', K(F(f, x + 360 * lit(kk)) - F(f, x), 0), deg=True)
    for x in [lit(10) ** 22, lit(2) ** 200, lit('1e-10'), sqrt(lit(2)), PI, EE, lit(1)]:
        for f in ('sin', 'cos', 'tan'):
            add('degrees', F(f, x), deg=True)
        add('degrees', K(sin(x) ** 2 + cos(x) ** 2 - 1, 0), deg=True)
    for x in ['0.1', '0.3', '-0.7', '0.999']:
        add('degrees', asin(lit(x)), deg=True)
        add('degrees', acos(lit(x)), deg=True)
        add('degrees', atan(lit(x) * 100), deg=True)

    # --- F. near cancellations that are NOT zero ----------------------------
    for n in [163, 67, 43, 58, 37, 19]:
        add('nearint', EE ** (PI * sqrt(lit(n))))
        add('nearint', floor(EE ** (PI * sqrt(lit(n)))))
        add('nearint', round(EE ** (PI * sqrt(lit(n)))))
        add('nearint', exp(PI * sqrt(lit(n))) - round(exp(PI * sqrt(lit(n)))) if False else None)
    add('nearint', EE ** (PI * sqrt(lit(163))) - lit(262537412640768744))
    add('nearint', EE ** (PI * sqrt(lit(163))) - lit(262537412640768744), digits=40)
    add('nearint', exp(PI * sqrt(lit(67))) - lit(147197952744))
    add('nearint', EE ** PI - PI)
    add('nearint', EE ** PI - PI - 20)
    add('nearint', PI - lit(355) / 113)
    add('nearint', lit(355) / 113 - PI, digits=40)
    add('nearint', EE - lit(2721) / 1001)
    for k in [1, 2, 5, 10, 15, 20, 50, 100, 200, 500, 1000, 2000]:
        add('nearint', sqrt(lit(10) ** (2 * k) + 1) - lit(10) ** k)
        add('nearint', lit(10) ** k - sqrt(lit(10) ** (2 * k) - 1))
        add('nearint', ln(1 + lit(10) ** -k))
        add('nearint', exp(lit(10) ** -k) - 1)
        add('nearint', (1 + lit(10) ** -k) ** (lit(10) ** k))
        add('nearint', 1 - cos(lit(10) ** -k))
        add('nearint', sin(lit(10) ** -k) - lit(10) ** -k)
        add('nearint', tan(PI / 4 + lit(10) ** -k) - 1)
        add('nearint', cos(PI / 2 - lit(10) ** -k))
        add('nearint', sin(PI - lit(10) ** -k), digits=30)
        add('nearint', atan(lit(10) ** k) - PI / 2)
        add('nearint', sqrt(lit(2)) * (1 + lit(10) ** -k) - sqrt(lit(2)))
        add('nearint', K(sqrt(lit(2)) + lit(10) ** -k - sqrt(lit(2)), Fraction(1, 10 ** k)))
        add('nearint', K((PI + lit(10) ** -k) - PI, Fraction(1, 10 ** k)))
    pi_dig = mpmath.nstr(mpmath.mpf(mpmath.pi), 60) if False else None
    with mpmath.workdps(120):
        pistr = mpmath.nstr(+mp.pi, 110, strip_zeros=False)
        estr = mpmath.nstr(+mp.e, 110, strip_zeros=False)
        s2str = mpmath.nstr(mpmath.sqrt(2), 110, strip_zeros=False)
    for m in [5, 10, 15, 16, 17, 20, 30, 50, 80, 100]:
        add('nearint', PI - lit(pistr[:m + 2]))
        add('nearint', EE - lit(estr[:m + 2]))
        add('nearint', sqrt(lit(2)) - lit(s2str[:m + 2]))
        add('nearint', sqrt(lit(2)) - lit(s2str[:m + 2]), digits=40)
        add('nearint', floor(lit(10) ** m * PI))
        add('nearint', floor(lit(10) ** m * sqrt(lit(2))))
    for n in [10, 20, 30, 50, 80, 120]:
        add('nearint', (1 + sqrt(lit(2))) ** n)
        add('nearint', floor((1 + sqrt(lit(2))) ** n))
        add('nearint', ((1 + sqrt(lit(5))) / 2) ** n)
        add('nearint', round(((1 + sqrt(lit(5))) / 2) ** n))
        add('nearint', (2 + sqrt(lit(3))) ** n - round((2 + sqrt(lit(3))) ** n), digits=20)
        add('nearint', (3 + sqrt(lit(7))) ** n, digits=20)  # not near an integer-ish: fine
        add('nearint', cbrt(lit(10) ** (3 * n) + 1) - lit(10) ** n)
    for i in range(20):
        n = rint(10 ** 5, 10 ** 12)
        add('nearint', sqrt(lit(n * n + 1)) - n)
        add('nearint', sqrt(lit(n * n - 1)), digits=30)
        add('nearint', ln(lit(n + 1)) - ln(lit(n)))
        add('nearint', log2(lit(2) ** 60 - 1) if i == 0 else log(lit(10) ** (i + 5) + 1))

    # --- G. floor / round / trunc near integers ------------------------------
    for k in [2, 3, 5, 7, 10, 100, 12345]:
        add('floor', K(floor(sqrt(lit(k)) ** 2), k))
        add('floor', K(ceil(sqrt(lit(k)) ** 2), k))
        add('floor', K(floor(EE ** ln(lit(k))), k))
        add('floor', K(round(exp(ln(lit(k)) * 2)), k * k))
        add('floor', K(floor(ln(EE ** k)), k))
        add('floor', K(ceil(log(lit(10) ** k)), k))
        add('floor', K(floor(log2(lit(2) ** k)), k))
        add('floor', K(floor(log2(lit(2) ** k - 1)), k - 1) if k < 10 ** 4 and k > 1 else None)
        add('floor', K(floor(log(lit(10) ** k + 1)), k))
        add('floor', K(floor(log(lit(10) ** k - 1)), k - 1))
        add('floor', K(floor(sqrt(lit(k * k * 10 ** 40 - 1))), k * 10 ** 20 - 1))
        add('floor', K(floor(cbrt(lit(k ** 3 * 10 ** 60 - 1))), k * 10 ** 20 - 1))
        add('floor', K(trunc(-sqrt(lit(k)) ** 2), -k))
        add('floor', K(floor(sin(lit(1)) ** 2 + cos(lit(1)) ** 2 + k), k + 1))
        add('floor', K(round(cbrt(lit(k)) ** 3), k))
        add('floor', K(sign(sin(k * PI)), 0))
        add('floor', K(sign(sqrt(lit(k)) ** 2 - k), 0))
    for n in range(-6, 7):
        for frac_ in [Fraction(1, 2), Fraction(-1, 2)]:
            add('floor', round(lit(n + frac_)))
        for m in [5, 60]:
            add('floor', round(lit(n) + Fraction(1, 2) + lit(10) ** -m))
            add('floor', round(lit(n) + Fraction(1, 2) - lit(10) ** -m))
            add('floor', floor(lit(n) - lit(10) ** -m))
            add('floor', ceil(lit(n) + PI * lit(10) ** -m))
            add('floor', floor(lit(n) + (PI - lit(pistr[:m + 2]))))
    for x, d in [('2.675', 2), ('1.005', 2), ('-2.345', 2), ('0.125', 2), ('1234.5678', -2), ('0.5', 0), ('-0.5', 0),
                 ('2.5', 0), ('1e-30', 29), ('123456789.987654321', 5), ('-123456789.987654321', -3)]:
        for f in ('floor', 'ceil', 'round', 'trunc'):
            add('floor', F(f, lit(x), lit(d)))
    for d in [0, 1, 3, 5, 10, 14, 15, 16, 20, 50, 100]:
        add('floor', round(sqrt(lit(2)), lit(d)))
        add('floor', floor(PI, lit(d)))
        add('floor', round(lit(1) / 3, lit(d)))
        add('floor', K(round(sqrt(lit(2)) * sqrt(lit(2)) * lit('1.2345'), lit(min(d, 3))),
                       round(Fraction(24690, 10000) * 10 ** min(d, 3) + Fraction(1, 2) - Fraction(0)) / Fraction(10) ** min(d, 3)) if False else None)
        add('floor', round(EE ** (PI * sqrt(lit(163))), lit(d)))
    for k in [10, 100, 1000, 2000]:
        add('floor', floor(PI * lit(10) ** k))
        add('floor', floor(EE * lit(10) ** k))
        add('floor', ceil(lit(10) ** k / 7))
    for i in range(80):
        x = lit(Fraction(rint(-10 ** 9, 10 ** 9), 10 ** rint(0, 6)))
        f = R.choice(['floor', 'ceil', 'round', 'trunc'])
        kq = R.choice([2, 3, 5])
        add('floor', F(f, x * K(sqrt(lit(kq)) ** 2, kq)))
        add('floor', F(f, x + R.choice([PI, EE, sqrt(lit(2))]) * lit(10) ** -rint(1, 40)))
    add('floor', K(floor(EE ** (PI * sqrt(lit(163)))), 262537412640768743))
    add('floor', K(ceil(lit(10) ** 20 / 7), -(-10 ** 20 // 7)))

    # --- H. negative bases --------------------------------------------------
    negs = [
        (lit(-8) ** lit(Fraction(1, 3)), -2), (lit(-27) ** lit(Fraction(2, 3)), 9), (lit(-32) ** lit('0.2'), -2),
        (lit(-32) ** lit('0.6'), -8), (lit(-2) ** (sqrt(lit(2)) ** 2), 4), (lit(-2) ** ln(EE ** 3), -8),
        (lit(-2) ** log2(lit(8)), -8), (lit(-3) ** log(lit(1000)), -27), (lit(-8) ** lit(Fraction(2, 6)), -2),
        (lit(-1) ** (lit(10) ** 20), 1), (lit(-1) ** (lit(10) ** 20 + 1), -1), (lit(-2) ** cos(lit(0)), -2),
        (lit(-2) ** (2 * sin(PI / 6)), -2), (lit(-2) ** tan(PI / 4), -2), (lit(-2) ** cos(PI), Fraction(-1, 2)),
        (lit(-8) ** (sin(PI / 6) * 2 / 3), -2), (lit(-2) ** sqrt(lit(9)), -8), (lit(-2) ** cbrt(lit(27)), -8),
        (lit(-2) ** (-3), Fraction(-1, 8)), (lit(-1) ** lit(Fraction(1, 3)), -1), (lit(-1) ** lit(Fraction(2, 3)), 1),
        (lit(-2) ** (sin(lit(1)) ** 2 + cos(lit(1)) ** 2), -2),
        (lit(-2) ** (exp(ln(lit(3)))), -8), (lit(-2) ** (log(lit(8), lit(2))), -8),
        (lit(-4) ** log(lit(4), lit(8)), qroot(Fraction(16), 3)), (lit(-64) ** log(lit(4), lit(8)), 16),
        (lit(-2) ** (asin(lit(1)) * 2 / PI), -2), (lit(-3) ** (atan(lit(1)) * 8 / PI), 9),
        (-lit(8) ** lit(Fraction(1, 3)), -2), (lit(-1000) ** lit(Fraction(1, 3)), -10),
        (lit('-0.001') ** lit(Fraction(1, 3)), Fraction(-1, 10)), (lit(-2) ** (lit(10) ** 3), 2 ** 1000),
        (lit(-sqrt(2).kind and 0) if False else lit(-2) ** (sqrt(lit(8)) * sqrt(lit(2))), 16),
        (lit(-2) ** (sqrt(lit(8)) / sqrt(lit(2))), 4), (lit(-2) ** ((sqrt(lit(3)) + 1) * (sqrt(lit(3)) - 1)), 4),
        (lit(-5) ** (ln(lit(8)) / ln(lit(2))), -125),
    ]
    for e_, v in negs:
        add('negpow', K(e_, v) if v is not None else e_)
    for e_ in [lit(-2) ** PI, lit(-2) ** sqrt(lit(2)), lit(-2) ** lit('0.25'), lit(-2) ** sin(PI / 6),
               lit(-2) ** lit(Fraction(1, 2)), lit(-27) ** lit(Fraction(1, 6)), lit(-1) ** lit('0.5'),
               lit(-2) ** EE, (-PI) ** lit('0.5')]:
        add('negpow', e_)
    for i in range(150):
        b = -R.choice([lit(rint(2, 50)), lit(Fraction(rint(1, 99), rint(2, 99))), PI, sqrt(lit(rint(2, 20))), EE])
        qd = R.choice([1, 3, 5, 7, 2, 4, 9, 15])
        p = rint(-9, 9)
        x = Fraction(p, qd)
        form = R.random()
        if form < 0.4:
            ex = lit(x)
        elif form < 0.6:
            ex = lit(Fraction(x.numerator * 2, x.denominator * 2)) if x.numerator else lit(x)
        elif form < 0.8:
            ex = K(lit(x) + sqrt(lit(2)) ** 2 - 2, x)
        else:
            ex = K(log(lit(8) ** x.numerator, lit(8) ** x.denominator), x) if x.numerator else lit(0)
        add('negpow', E('bin', '^', b if b.kind != 'neg' else E('neg', b.a), ex))
    add('negpow', K(lit(-8) ** lit(Fraction(1, 3)) * 5, -10))

    # --- I. x - x patterns ---------------------------------------------------
    def rand_val_expr(depth):
        return randexpr(R, depth, safe=True)
    made = 0
    tries = 0
    while made < 200 and tries < 5000:
        tries += 1
        ex = rand_val_expr(rint(1, 3))
        r = reference(ex, False, 60)
        if r[0] != 'approx' and r[0] != 'exact':
            continue
        try:
            val = abs(float(Decimal(str(r[1]) if r[0] == 'approx' else Fraction(r[1]).numerator) ))
        except Exception:
            continue
        if r[0] == 'approx' and (val > 1e50 or val < 1e-50):
            continue
        made += 1
        m = made % 7
        if m == 0:
            add('xminusx', K(ex - ex, 0))
        elif m == 1:
            add('xminusx', K((ex + 1) - ex, 1))
        elif m == 2:
            add('xminusx', K(ex * 2 - ex - ex, 0))
        elif m == 3:
            if r[0] == 'approx' and val > 1e-30:
                add('xminusx', K(ex / ex, 1))
            else:
                add('xminusx', K(ex - ex, 0))
        elif m == 4:
            kk = R.choice([3, 10, 30, 100])
            add('xminusx', K(ex - (ex - lit(10) ** -kk), Fraction(1, 10 ** kk)))
        elif m == 5:
            add('xminusx', K(ex * ex - ex ** 2, 0))
        else:
            add('xminusx', K(sqrt(ex ** 2) - abs(ex), 0))

    # --- J. huge / tiny magnitudes -----------------------------------------
    for k in [100, 1000, 10000, 50000, 90000, 90700, 90900, 100000, 200000]:
        add('huge', exp(lit(k)))
        add('huge', exp(-lit(k)))
        add('huge', sinh(lit(k)))
        add('huge', tanh(lit(k)))
        add('huge', K(ln(exp(lit(k))) - k, 0))
    for k in [10, 100, 1000, 10000, 18000, 39000, 39456, 39457, 40000]:
        add('huge', lit(10) ** k * PI)
        add('huge', lit(10) ** -k * PI)
        add('huge', PI ** (k // 4))
        add('huge', sqrt(lit(10) ** k + 1))
        add('huge', log(lit(10) ** k + 1) - k)
        add('huge', ln(lit(10) ** k))
    for e_ in [lit(2) ** 131071, lit(2) ** 131072, lit(2) ** 131073, lit(2) ** 131071 * 2, fact(lit(5000)),
               fact(lit(5000)) / fact(lit(4998)), fact(lit(5001)), fact(lit(1000)) ** 2, ln(fact(lit(5000))),
               (1 + lit('1e-30')) ** lit('1e30'), lit('1.0000001') ** (lit(10) ** 10), (1 - lit('1e-20')) ** (lit(10) ** 25),
               (1 - lit('1e-20')) ** (lit(10) ** 24), exp(-exp(lit(10))), exp(exp(lit(10))), exp(-exp(lit(12))),
               lit(9) ** lit(9) ** lit(9), lit(2) ** lit(2) ** lit(2) ** lit(2) ** lit(2), atan(lit(10) ** 100),
               lit(10) ** -18000 * lit(10) ** -18000, sqrt(lit(10) ** -30000), cbrt(lit(10) ** -30001),
               lit('1e-18000') ** 2, lit(7) ** 40000, lit(7) ** 46000, lit(7) ** 47000, lit(Fraction(1, 7)) ** 46000,
               log2(lit(3) ** 50000), ln(lit(10) ** -10000), asinh(lit(10) ** 30000), acosh(lit(10) ** 30000),
               atanh(1 - lit(10) ** -3000), acos(1 - lit(10) ** -2500), ln(1 + lit(10) ** -3000),
               tanh(lit(10) ** -5000), sin(lit(10) ** -10000), exp(lit(10) ** -10000) - 1,
               lit(Fraction(1, 3)) ** 80000, PI ** -80000, EE ** 90000 * EE ** 1000, EE ** 90000 / EE ** 1000]:
        add('huge', e_)

    # --- L. domain errors and boundaries -------------------------------------
    dom = [sqrt(lit(-1)), ln(lit(0)), ln(-EE), asin(1 + lit(10) ** -30), acos(-1 - lit(10) ** -30), acosh(1 - lit(10) ** -20),
           atanh(lit(1)), atanh(lit(-1)), log(lit(5), lit(1)), lit(0) ** -1, tan(PI / 2), tan(-PI / 2 + 5 * PI),
           1 / K(sqrt(lit(2)) ** 2 - 2, 0), lit(1) / 0, lit(5) % 0, fact(lit(-1)), fact(lit('0.5')), fact(PI),
           sqrt(lit(2) - K(sqrt(lit(2)) ** 2, 2) - lit('1e-40')), ln(sin(PI)), log(lit(0), lit(2)), log2(-lit(3)),
           asin(K(sqrt(lit(2)) ** 2 / 2, 1) + lit('1e-50')), acosh(lit('0.5')), sqrt(-PI), ln(1 - K(EE ** ln(lit(1)), 1)),
           1 / K(sin(lit(1)) ** 2 + cos(lit(1)) ** 2 - 1, 0), ln(K(sin(lit(1)) ** 2 + cos(lit(1)) ** 2 - 1, 0)),
           sqrt(-lit(10) ** -100), asin(-1 - lit(10) ** -300), 1 / K(EE ** ln(lit(5)) - 5, 0), 1 / tan(PI),
           lit(0) ** K(sin(lit(1)) ** 2 + cos(lit(1)) ** 2 - 2, -1), 1 / (lit(10) ** 20 * PI - lit(10) ** 20 * PI)]
    for e_ in dom:
        add('domain', e_)
    valid_edges = [asin(lit(1)), acos(lit(-1)), acosh(lit(1)), atanh(1 - lit(10) ** -30), asin(1 - lit(10) ** -30),
                   asin(K(sqrt(lit(2)) / 2 * sqrt(lit(2)), 1)), acos(K(sqrt(lit(3)) ** 2 / 3, 1)), sqrt(sqrt(lit(2)) - lit('1.4142135623730951')),
                   sqrt(PI - lit(pistr[:52])), sqrt(lit(pistr[:52]) + lit('1e-50') - PI), ln(EE - lit(estr[:62])),
                   ln(lit(estr[:62]) + lit('1e-60') - EE), acosh(cosh(lit(1))), atanh(tanh(lit(3))),
                   asin(K(sin(lit(1)) ** 2 + cos(lit(1)) ** 2, 1)), acos(K(sin(lit(1)) ** 2 + cos(lit(1)) ** 2, 1)),
                   sqrt(K(sin(lit(1)) ** 2 + cos(lit(1)) ** 2 - 1, 0)), ln(K(sin(lit(1)) ** 2 + cos(lit(1)) ** 2, 1)),
                   sqrt(sin(PI)), sqrt(K(sqrt(lit(2)) ** 2 - 2, 0)), acosh(K(sqrt(lit(2)) ** 2 / 2, 1)), lit(0) ** K(sqrt(lit(2)) ** 2 - 2, 0),
                   sqrt(K(EE ** ln(lit(3)) - 3, 0)), asin(sin(PI / 2)), acos(cos(lit(0))), ln(K(EE ** ln(lit(1)), 1)),
                   log(EE ** ln(lit(8)), lit(2)), atanh(K(sqrt(lit(2)) / 2 * sqrt(lit(2)), 1) - lit('1e-20')),
                   asin(cos(lit(0)) - lit('1e-25')), sqrt(lit(10) ** -100), lit(0) ** PI, lit(0) ** 0]
    ann = {0: None}
    for e_ in valid_edges:
        add('domain_edge', e_)
    add('domain_edge', K(asin(sqrt(lit(2)) / 2 * sqrt(lit(2))) * 2 - PI, 0))
    add('domain_edge', K(sqrt(sin(lit(1)) ** 2 + cos(lit(1)) ** 2 - 1), 0))

    # --- K. random nested compositions ---------------------------------------
    gen_more(R)
    gen_edges(R)
    for fam, n, deg, dig in [('random', 350, False, 15), ('random_deg', 200, True, 15), ('random_d40', 150, False, 40),
                             ('random_d100', 120, False, 100)]:
        made = 0
        while made < n:
            ex = randexpr(R, rint(1, 4), safe=R.random() < 0.7)
            if len(ex.render()) > 300:
                continue
            made += 1
            add(fam, ex, deg=deg, digits=dig)

    # --- M. constants at many digits ------------------------------------------
    for dig in [30, 50, 100, 300, 1000]:
        for e_ in [PI, EE, sqrt(lit(2)), ln(lit(2)), sin(lit(1)), exp(PI), atan(lit(Fraction(1, 239))), EE ** (PI * sqrt(lit(163))),
                   lit(1) / 7, cbrt(lit(3)), tan(lit(10) ** 22), ln(lit(10) ** 50 + 1) - ln(lit(10) ** 50)]:
            add('digits', e_, digits=dig)



def convergent_numerators(x_fr, limit):
    """numerators p of continued-fraction convergents p/q of x (Fraction), p < limit"""
    out = []
    h0, h1, k0, k1 = 0, 1, 1, 0
    y = x_fr
    for _ in range(60):
        a = y.numerator // y.denominator
        h0, h1 = h1, a * h1 + h0
        k0, k1 = k1, a * k1 + k0
        if h1 >= limit:
            break
        out.append(h1)
        f = y - a
        if f == 0:
            break
        y = 1 / f
    return out


def gen_more(R):
    rint = R.randint
    O1 = lambda: K(sin(lit(1)) ** 2 + cos(lit(1)) ** 2, 1)
    Z0 = lambda: K(sin(lit(1)) ** 2 + cos(lit(1)) ** 2 - 1, 0)
    # --- inverse-function traps (radians) ---
    inv = [
        (asin(sin(lit(3))), None), (asin(sin(lit(2))), None), (asin(sin(lit(-4))), None), (acos(cos(lit(-1))), 1),
        (acos(cos(lit(4))), None), (acos(cos(lit(10))), None), (atan(tan(lit(2))), None), (atan(tan(lit(4))), None),
        (atan(tan(lit(-3))), None), (asin(sin(lit(10) ** 6)), None), (acosh(cosh(lit(-2))), 2), (asinh(sinh(lit(-3))), -3),
        (atanh(tanh(lit('-0.5'))), Fraction(-1, 2)), (sqrt(lit(-3) ** 2), 3), (sqrt((-sqrt(lit(2))) ** 2), None),
        (cbrt(lit(-2) ** 3), -2), ((lit(-8) ** 2) ** lit(Fraction(1, 6)), 2), ((lit(-8) ** lit(Fraction(1, 3))) ** 2, 4),
        ((lit(-2) ** 2) ** lit('0.5'), 2), ((lit(-4) ** lit('0.5')) ** 2, None), (sqrt(lit(-4)) ** 2, None),
        (((-PI) ** 2) ** lit('0.5'), None), (ln(exp(lit(-5))), -5), (exp(ln(lit(-1))), None), (lit(10) ** log(lit(-2)), None),
        (log(lit(10) ** lit('-3.5')), Fraction(-7, 2)), (log2(lit(2) ** lit('-0.5')), Fraction(-1, 2)),
        (EE ** (ln(lit(2)) * 3), 8), (asin(sin(PI / 3 * 2)), None), (acos(cos(-PI / 3)), None), (acos(cos(5 * PI / 3)), None),
        (atan(tan(3 * PI / 4)), None), (asin(sin(7 * PI / 6)), None), (sin(asin(lit(2))), None), (cos(acos(lit('-1.5'))), None),
        (tan(atan(lit(10) ** 30)), 10 ** 30), (sinh(asinh(lit(-7))), -7), (cosh(acosh(lit('0.5'))), None),
        (tanh(atanh(lit('0.99'))), Fraction(99, 100)), (asin(cos(lit(1))), None), (sin(acos(lit('0.6'))), Fraction(4, 5)),
        (cos(asin(lit('0.6'))), Fraction(4, 5)), (tan(acos(lit('0.6'))), Fraction(4, 3)), (cos(atan(lit(Fraction(3, 4)))), Fraction(4, 5)),
        (sin(atan(lit(Fraction(3, 4)))), Fraction(3, 5)), (sin(acos(lit('-0.6'))), Fraction(4, 5)), (cos(asin(lit('-0.6'))), Fraction(4, 5)),
        (tan(asin(lit('-0.6'))), Fraction(-3, 4)), (acos(-cos(lit(1))), None), (asin(-sin(lit(2))), None),
        (exp(ln(lit(3)) / 2), None), (ln(sqrt(EE)), Fraction(1, 2)), (ln(EE ** lit(Fraction(1, 3))), Fraction(1, 3)),
        (ln(cbrt(EE)), Fraction(1, 3)), (sqrt(exp(lit(4))), None), (log(sqrt(lit(10))), Fraction(1, 2)),
        (log(lit(1000) ** lit(Fraction(1, 3))), 1), (log2(sqrt(lit(8))), Fraction(3, 2)), (log(lit(8), sqrt(lit(2))), 6),
        (log(sqrt(lit(8)), lit(4)), Fraction(3, 4)), (log(lit(27), lit(-3)), None), (log(lit(-27), lit(3)), None),
        (atan(lit(1) / 0 if False else lit(10) ** 300), None), (atan(-lit(10) ** 300), None),
        (atan2(lit(0), lit(-1)), None), (atan2(lit(10) ** -30, lit(-1)), None), (atan2(-lit(10) ** -30, lit(-1)), None),
        (atan2(Z0(), lit(-1)), None), (atan2(Z0(), lit(1)), 0), (atan2(lit(-1), Z0()), None),
    ]
    for e_, v in inv:
        add('inverse', K(e_, v) if v is not None else e_)
    inv_deg = [(asin(sin(lit(150))), 30), (acos(cos(lit(-60))), 60), (atan(tan(lit(135))), -45), (asin(sin(lit(100))), 80),
               (acos(cos(lit(400))), 40), (atan(tan(lit(200))), 20), (asin(sin(lit(1000))), -80), (acos(cos(lit(-170))), 170),
               (atan(tan(lit(-100))), 80), (asin(sin(lit(90))), 90), (acos(cos(lit(180))), 180), (acos(cos(lit(540))), 180),
               (asin(sin(lit(270))), -90), (atan(tan(360 * lit(10) ** 20 + 30)), 30), (asin(sin(360 * lit(10) ** 20 + 30)), 30), (atan(tan(lit(10) ** 20 + 30)), -50),
               (acos(cos(lit(360) * 10 ** 30 + 45)), 45), (sin(asin(lit('0.3'))), Fraction(3, 10)),
               (asin(sin(lit('10.5'))), Fraction(21, 2)), (acos(lit(Fraction(1, 2)) * sqrt(lit(2)) * sqrt(lit(2))), 0),
               (atan2(lit(-1), lit(-1)), -135), (atan2(lit(0), lit(-1)), 180), (atan2(lit(-1), lit(0)), -90),
               (atan2(sqrt(lit(3)), lit(1)), 60), (atan2(lit(-1), sqrt(lit(3))), -30), (atan2(Z0(), lit(-5)), 180),
               (asin(lit(1) / sqrt(lit(2))), 45), (acos(-sqrt(lit(3)) / 2), 150), (atan(-1 / sqrt(lit(3))), -30),
               (atan(lit(2) - sqrt(lit(3))), 15), (asin((sqrt(lit(5)) - 1) / 4), 18), (acos((1 + sqrt(lit(5))) / 4), 36),
               (asin(sin(lit(1))), 1), (acos(cos(lit(-1))), 1), (atan(tan(lit(1))), 1)]
    for e_, v in inv_deg:
        add('inverse_deg', K(e_, v) if v is not None else e_, deg=True)
    for ys in [-2, -1, 0, 1, 2]:
        for xs in [-2, -1, 0, 1, 2]:
            if ys == 0 and xs == 0:
                continue
            for deg in (False, True):
                add('atan2', atan2(lit(ys), lit(xs)), deg=deg)
                add('atan2', atan2(lit(ys) * sqrt(lit(3)), lit(xs)), deg=deg)

    # --- Pell-type units: (a + b sqrt n)^k and its tiny conjugate ---
    units = [(1, 1, 2), (2, 1, 3), (9, 4, 5), (8, 3, 7), (3, 1, 8), (10, 3, 11), (2, 1, 5), (5, 2, 6), (3, 2, 2),
             (649, 180, 13), (1, 1, 5)]
    for a, b, n in units:
        for k in [5, 20, 60]:
            A, B = 1, 0
            for _ in range(k):
                A, B = A * a + B * b * n, A * b + B * a
            if a == 1 and b == 1 and n == 5:
                # golden: ((1+sqrt5)/2)^k
                base = (1 + sqrt(lit(5))) / 2
                add('pell', base ** k)
                add('pell', round(base ** k))
                add('pell', base ** k - round(base ** k), digits=20)
                continue
            add('pell', K((a + b * sqrt(lit(n))) ** k - A - B * sqrt(lit(n)), 0))
            add('pell', lit(A) - lit(B) * sqrt(lit(n)))
            add('pell', lit(A) - lit(B) * sqrt(lit(n)), digits=30)
            add('pell', floor(lit(B) * sqrt(lit(n))))
            add('pell', sign(lit(A) - lit(B) * sqrt(lit(n))))
            add('pell', K((a + b * sqrt(lit(n))) ** k + (a - b * sqrt(lit(n))) ** k, 2 * A))
            add('pell', 1 / (lit(A) - lit(B) * sqrt(lit(n))))
            add('pell', (a - b * sqrt(lit(n))) ** k)

    # --- low / odd digit settings near rounding and power-of-ten boundaries ---
    vals = [PI, EE, sqrt(lit(2)), 10 - PI * lit(10) ** -10, 1000 - EE * lit(10) ** -12, sqrt(lit('99.9999999999')),
            EE ** (PI * sqrt(lit(163))), exp(lit(-1)), lit('9.5') + PI * lit(10) ** -20, lit('0.95') - PI * lit(10) ** -30,
            lit('0.0995') + EE * lit(10) ** -25, sqrt(lit(2)) * lit(10) ** 20, ln(lit(10) ** -9), lit(2) / 3,
            lit('0.125'), -(lit('0.45') + sqrt(lit(2)) * lit(10) ** -40), lit(999999) + lit(Fraction(1, 2)) - lit(10) ** -30,
            lit(10) ** 17 - EE]
    for dig in [1, 2, 3, 5, 8, 12, 17, 20]:
        for v in vals:
            add('lowdigits', v, digits=dig)

    # --- hard argument reduction: numerators of convergents of pi and pi/2 ---
    with mpmath.workdps(200):
        pif = Fraction(mpmath.nstr(+mp.pi, 190))
    for p in convergent_numerators(pif, 10 ** 25)[2:]:
        add('hardtrig', sin(lit(p)))
        add('hardtrig', tan(lit(p)))
    for p in convergent_numerators(pif / 2, 10 ** 25)[2:]:
        add('hardtrig', cos(lit(p)))
        add('hardtrig', tan(lit(p)))
        add('hardtrig', 1 / tan(lit(p)))
    for p in convergent_numerators(pif / 180, 10 ** 20)[1:]:
        add('hardtrig', sin(lit(p)), deg=True)    # p degrees ~ multiple of 180? (pi/180 convergents: q*pi/180 ~ p)
    for p in convergent_numerators(180 / pif, 10 ** 20)[1:]:
        add('hardtrig', sin(lit(p)), deg=True)

    # --- modular powers, integer functions ---
    for i in range(60):
        b = rint(-50, 10 ** 6)
        ex = R.choice([rint(0, 100), rint(10 ** 5, 10 ** 6), 10 ** rint(10, 40) + rint(0, 9)])
        m = R.choice([rint(2, 100), rint(10 ** 6, 10 ** 9), 10 ** 9 + 7, -rint(2, 1000)])
        add('intops', E('bin', 'mod', E('bin', '^', lit(b), lit(ex)), lit(m)))
    add('intops', E('bin', 'mod', E('bin', '^', lit(10), lit(10) ** lit(5)), lit(7)))
    for e_ in [comb(lit(1000), lit(500)), perm(lit(100), lit(50)), gcd(lit(2) ** 100 - 1, lit(2) ** 60 - 1),
               lcm(lit(2) ** 64 - 1, lit(2) ** 32 + 1), fact(lit(1000)) / fact(lit(998)), fact(lit(100)) / (fact(lit(50)) ** 2),
               comb(lit(10 ** 6), lit(3)), gcd(lit(6), lit(10), lit(15)), max(PI, lit(22) / 7), min(PI, lit(355) / 113),
               min(sqrt(lit(2)), lit('1.4142135623730951')), max(EE, lit('2.71828182845904523536028747135266249775724709369995957496')),
               max(O1(), lit(1)), min(O1(), lit(2)), E('bin', 'mod', PI, lit(1)), E('bin', 'mod', -PI, lit(1)),
               E('bin', 'mod', lit(10) ** 20 * PI, TAU), E('bin', 'mod', EE ** (PI * sqrt(lit(163))), lit(1)),
               E('bin', 'mod', lit(7), -PI), E('bin', 'mod', lit(-7), sqrt(lit(2))), E('bin', 'mod', lit(10) ** 30, EE),
               E('bin', 'mod', K(sqrt(lit(2)) ** 2 * 5, 10), lit(3)), E('bin', 'mod', lit(1), PI / 4 * 4 / PI) if False else None,
               fact(K(sqrt(lit(5)) ** 2, 5)), fact(K(log(lit(1000)), 3)), comb(lit(50), lit(25)) / 2 ** 47]:
        if e_ is not None:
            add('intops', e_)



def gen_edges(R):
    rint = R.randint
    # --- tiny arguments, arguments next to 1 ---
    for k in [5, 20, 100, 400, 3000]:
        t = lit(10) ** -k
        for sgn in (1, -1):
            x = t * sgn if sgn == 1 else -t
            for f in ['sin', 'tan', 'asin', 'atan', 'sinh', 'tanh', 'asinh', 'atanh', 'cbrt', 'exp']:
                add('tiny', F(f, x))
            add('tiny', exp(x) - 1)
            add('tiny', ln(1 + x))
            add('tiny', log2(1 + x))
            add('tiny', log(1 + x))
            add('tiny', 1 - cos(x) if k <= 100 else cos(x))
            add('tiny', acos(x) - PI / 2)
            add('tiny', sqrt(1 + x) - 1)
            add('tiny', cosh(x) - 1 if k <= 100 else cosh(x))
            add('tiny', (1 + x) ** lit(Fraction(1, 3)) - 1)
            add('tiny', atan2(x, lit(-1)))
        add('tiny', acos(1 - t))
        add('tiny', asin(1 - t) - PI / 2)
        add('tiny', acosh(1 + t))
        add('tiny', atanh(1 - t))
        add('tiny', atanh(-1 + t))
        add('tiny', ln(t))
        add('tiny', sqrt(t))
        add('tiny', tan(PI / 2 - t))
        add('tiny', tan(PI / 2 + t))
        add('tiny', log(lit(2), 1 + t))
        add('tiny', hypot(lit(1), t) - 1 if k <= 100 else hypot(t, t))
    # --- powers near the edge ---
    for k in [3, 10, 30, 100, 300]:
        t = lit(10) ** -k
        add('powedge', (1 + t) ** (lit(10) ** k))
        add('powedge', (1 - t) ** (lit(10) ** k))
        add('powedge', (1 + t) ** (lit(10) ** k * 7))
        add('powedge', (1 + t) ** (-lit(10) ** k))
        add('powedge', lit(2) ** t - 1)
        add('powedge', lit(10) ** (lit(10) ** 2 * t))
        add('powedge', (lit(10) ** 100) ** t)
        add('powedge', (lit(1) + t) ** PI - 1)
        add('powedge', PI ** t - 1)
        add('powedge', t ** t)
        add('powedge', t ** (1 / lit(k)))
        add('powedge', (1 + t) ** (1 / t))
        add('powedge', (1 + PI * t) ** (1 / t))
    for i in range(40):
        b = lit(Fraction(rint(1, 10 ** 6), rint(1, 10 ** 6)))
        x = lit(Fraction(rint(-10 ** 4, 10 ** 4), rint(1, 100)))
        add('powedge', b ** x)
        add('powedge', b ** (x * PI))
        add('powedge', sqrt(b) ** x)
    # --- rounding to decimal places near ties ---
    ties = ['2.675', '1.005', '-2.345', '0.125', '1234.5', '-0.5', '99.995', '0.0005', '1e-20', '999999.5', '-7.25']
    for tv in ties:
        for sgn in (1, -1):
            for m in (20, 60):
                x = lit(tv) + sgn * PI * lit(10) ** -m
                d = max(0, len(tv.split('.')[1]) - 1) if '.' in tv else 0
                if 'e' in tv:
                    d = 19
                for f in ('round', 'floor', 'ceil', 'trunc'):
                    add('roundd', F(f, x, lit(d)))
        add('roundd', round(lit(tv), lit(2)))
        add('roundd', round(K(sqrt(lit(tv) ** 2), abs(Fraction(Decimal(tv)))), lit(max(0, len(tv.split('.')[-1]) - 1))))
    for d in [-5, -2, -1, 0, 1, 2, 7, 30]:
        add('roundd', round(PI * lit(10) ** 6, lit(d)))
        add('roundd', floor(-EE * lit(10) ** 6, lit(d)))
        add('roundd', ceil(sqrt(lit(2)) * lit(10) ** 6, lit(d)))
        add('roundd', trunc(-lit(10) ** 6 / 7, lit(d)))
    # --- carries into a new power of ten, at many magnitudes ---
    for k in range(-40, 41, 4):
        add('carry', lit(10) ** k - PI * lit(10) ** (k - 30))
        add('carry', lit(10) ** k + PI * lit(10) ** (k - 30))
        add('carry', -(lit(10) ** k - EE * lit(10) ** (k - 18)))
        add('carry', lit(10) ** k * (1 - lit(10) ** -16) * K(sin(lit(1)) ** 2 + cos(lit(1)) ** 2, 1))
    for dig in (3, 7):
        for k in range(-12, 13, 3):
            add('carry', lit(10) ** k - PI * lit(10) ** (k - dig - 2), digits=dig)
            add('carry', lit(10) ** k * lit('9.995') + PI * lit(10) ** (k - 20), digits=dig)


LEAVES_INT = list(range(-12, 13))


def randexpr(R, depth, safe=True):
    rint = R.randint
    if depth <= 0 or R.random() < 0.15:
        t = R.random()
        if t < 0.35:
            return lit(rint(-12, 30))
        if t < 0.5:
            return lit(R.choice(['0.5', '0.25', '1.5', '0.1', '2.5', '0.001', '1e-8', '1e6', '3.75', '0.3']))
        if t < 0.6:
            return lit(Fraction(rint(1, 50), rint(2, 13)))
        if t < 0.75:
            return R.choice([PI, EE, TAU])
        if t < 0.85:
            return sqrt(lit(rint(2, 50)))
        return R.choice([PI / 6, PI / 4, PI / 3, PI / 2, 2 * PI, lit(rint(1, 9)) * PI / rint(2, 12)])
    t = R.random()
    if t < 0.45:
        fnames = ['sqrt', 'cbrt', 'ln', 'log', 'log2', 'exp', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
                  'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'abs', 'floor', 'ceil', 'round']
        f = R.choice(fnames)
        x = randexpr(R, depth - 1, safe)
        if safe:
            if f in ('sqrt', 'ln', 'log', 'log2'):
                x = abs(x) + lit(R.choice([1, Fraction(1, 2), 0, 0]))
                if x.kind == 'bin' and x.c.kind == 'num' and x.c.b == 0:
                    x = x.b
            elif f in ('asin', 'acos', 'atanh'):
                x = sin(x) if f != 'atanh' else tanh(x)
            elif f in ('exp', 'sinh', 'cosh'):
                x = x / lit(R.choice([1, 2, 10]))
            elif f == 'acosh':
                x = abs(x) + 1
        return F(f, x)
    if t < 0.55:
        f = R.choice(['atan2', 'hypot', 'log2arg', 'min', 'max'])
        a, b = randexpr(R, depth - 1, safe), randexpr(R, depth - 1, safe)
        if f == 'log2arg':
            return log(abs(a) + 1, lit(R.choice([2, 3, Fraction(1, 2), 10, 7])))
        return F(f, a, b)
    op = R.choice(['+', '-', '*', '/', '^', '+', '*', '-'])
    a, b = randexpr(R, depth - 1, safe), randexpr(R, depth - 1, safe)
    if op == '^':
        if safe:
            a = abs(a) + lit(R.choice([0, 1, Fraction(1, 10)]))
            b = R.choice([b, lit(rint(-5, 8)), lit(Fraction(rint(-7, 7), rint(1, 6)))])
            if b.kind == 'bin' or b.kind == 'neg' or R.random() < 0.5:
                b = b if not (b.kind == 'fn' or b.kind == 'bin') else sin(b) * 3
        return E('bin', '^', a, b)
    return E('bin', op, a, b)

# ----------------------------------------------------------------------------
# running pebble
# ----------------------------------------------------------------------------

ERR_RE = re.compile(r'^error on line (\d+): (.*)$')


def run_batch(binary, opts, lines, timeout=1800):
    """returns list of ('ok', text) | ('err', msg) | ('crash', info) per line"""
    results = [None] * len(lines)
    start = 0
    while start < len(lines):
        chunk = lines[start:]
        inp = ''.join(l + '\n' for l in chunk)
        try:
            p = subprocess.run([binary] + opts, input=inp.encode(), capture_output=True, timeout=timeout)
            out, err, rc = p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace'), p.returncode
            timed_out = False
        except subprocess.TimeoutExpired as x:
            out = (x.stdout or b'').decode(errors='replace')
            err = (x.stderr or b'').decode(errors='replace')
            rc, timed_out = None, True
        errs = {}
        for l in err.split('\n'):
            m = ERR_RE.match(l)
            if m:
                errs[int(m.group(1))] = m.group(2)
        outl = out.split('\n')
        if outl and outl[-1] == '':
            outl.pop()
        oi = 0
        done = 0
        for i in range(len(chunk)):
            if (i + 1) in errs:
                results[start + i] = ('err', errs[i + 1])
                done = i + 1
            elif oi < len(outl):
                results[start + i] = ('ok', outl[oi])
                oi += 1
                done = i + 1
            else:
                break
        if done == len(chunk) and oi == len(outl):
            break
        if done == len(chunk):
            # extra output lines: misalignment; flag everything of this chunk
            for i in range(len(chunk)):
                results[start + i] = ('crash', 'output misaligned (%d extra lines)' % (len(outl) - oi))
            break
        # crash / timeout at line start+done
        tail = err.strip().split('\n')[-3:]
        results[start + done] = ('crash', ('timeout' if timed_out else 'exit %s' % rc) + ': ' + ' | '.join(tail)[:300])
        start = start + done + 1
    return results


# ----------------------------------------------------------------------------
# classification
# ----------------------------------------------------------------------------

def round_sig(d, k):
    if d == 0:
        return d
    exp = d.adjusted() - (k - 1)
    return d.quantize(Decimal(1).scaleb(exp), rounding=ROUND_HALF_EVEN)


def round_sig_frac(q, k):
    if q == 0:
        return Decimal(0)
    s = -1 if q < 0 else 1
    a = abs(q)
    # exponent: floor(log10 a)
    e10 = len(str(a.numerator)) - len(str(a.denominator))
    while Fraction(10) ** e10 > a:
        e10 -= 1
    while Fraction(10) ** (e10 + 1) <= a:
        e10 += 1
    sh = k - 1 - e10
    t = a * Fraction(10) ** sh
    n = t.numerator // t.denominator
    rem = t - n
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and n % 2 == 1):
        n += 1
    return Decimal(s * n).scaleb(-sh)


def terminating(q):
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


REFUSAL_WORDS = ('cannot', 'too expensive', 'too large', 'too small', 'over the limit', 'needs more',
                 'too deeply', 'known only approximately', 'too long', 'limit')
DOMAIN_WORDS = ('no real', 'undefined', 'takes values', 'positive values', 'division by zero', 'mod by zero',
                'whole numbers', 'domain')


def err_kind(msg):
    m = msg.lower()
    if any(w in m for w in REFUSAL_WORDS):
        return 'refusal'
    if any(w in m for w in DOMAIN_WORDS):
        return 'domain'
    return 'other'


def refusal_key(msg):
    m = re.sub(r'1e-?\d+', '1e-N', msg)
    m = re.sub(r'\d+', 'N', m)
    return m[:90]


def classify(ref, digits, res):
    """returns (class, note)"""
    kind = ref['kind']
    if res[0] == 'crash':
        return 'WRONG', 'crash/timeout: ' + res[1]
    if kind in ('undecided', 'genbug'):
        return 'SKIP', kind + ': ' + ref.get('why', '')
    lim = ref.get('limit')
    if res[0] == 'err':
        ek = err_kind(res[1])
        if kind == 'domain':
            return 'EXPECTED-ERROR', ek
        if lim:
            return 'EXPECTED-ERROR', 'limit (' + ek + ')'
        if ek == 'domain':
            return 'WRONG', 'domain error claimed where a real value exists'
        return 'REFUSED', ek
    text = res[1].strip()
    if kind == 'domain':
        return 'WRONG', 'value given where the true answer is a domain error (%s)' % ref.get('why')
    try:
        P = Decimal(text)
    except InvalidOperation:
        return 'WRONG', 'unparseable output'
    nd = len(P.as_tuple().digits)
    tt = P.normalize().as_tuple()
    k = len(tt.digits)   # significant digits with trailing zeros stripped
    if kind == 'exact':
        q = Fraction(int(ref['num']), int(ref['den']))
        if Fraction(P) == q:
            return 'RIGHT', 'exact'
        R_ = round_sig_frac(q, digits)
        if P == R_:
            if terminating(q):
                return 'RIGHT', 'rounded an exact value'
            return 'RIGHT', ''
        if k > digits:
            return 'WRONG', 'printed as exact (%d digits) but not the true value' % k
        return 'WRONG', 'digits wrong'
    # approx
    d1, d2 = Decimal(ref['v400']), Decimal(ref['v800'])
    R1, R2 = round_sig(d1, digits), round_sig(d2, digits)
    if R1 != R2:
        return 'SKIP', 'reference rounding ambiguous'
    if P == R2:
        return 'RIGHT', ''
    if abs(P - d2) <= abs(d2) * Decimal(10) ** -(len(ref['v800']) - 30):
        return 'RIGHT', 'equals the reference to all its digits'
    if k > digits:
        return 'WRONG', 'printed %d significant digits (exact-looking) but value is irrational/different' % k
    if P == round_sig(d2, k) and k < digits:
        return 'WRONG', 'only %d digits printed; correct to those, but trailing zeros implied to %d digits are wrong' % (k, digits)
    return 'WRONG', 'digits wrong'


FRAC_RE = re.compile(r'^(-?\d+)(?:/(\d+))?$')


def frac_probe_check(ref, res):
    """pebble claims exact rational F; check it"""
    if res[0] != 'ok':
        return None
    m = FRAC_RE.match(res[1].strip())
    if not m:
        return None
    F_ = Fraction(int(m.group(1)), int(m.group(2) or 1))
    if ref['kind'] == 'exact':
        q = Fraction(int(ref['num']), int(ref['den']))
        if F_ != q:
            return 'to frac gives %s but the exact value is %s' % (F_, q)
        return None
    if ref['kind'] == 'approx':
        d2 = Decimal(ref['v800'])
        fv = Decimal(F_.numerator) / Decimal(F_.denominator)
        if abs(fv - d2) > abs(d2) * Decimal(10) ** -700:
            return 'to frac claims exact %s but true value is %s...' % (
                (str(F_)[:80]), ref['v800'][:40])
    return None


# ----------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------

def build():
    CASES.clear()
    gen_cases()
    cases = [c for c in CASES if c[1] is not None]
    return cases


PENDING = []


def reference_of(i):
    fam, e, deg, dig = PENDING[i]
    tc = time.time()
    ref = final_ref(e, deg, dig)
    if time.time() - tc > 3:
        print('  slow reference (%.1fs): %s' % (time.time() - tc, e.render()[:100]), file=sys.stderr)
    return {'fam': fam, 'expr': e.render(), 'deg': deg, 'digits': dig, 'ref': ref}


def load_refs(cases):
    src = open(os.path.abspath(__file__), 'rb').read()
    gen_part = src.split(b'# running pebble')[0]
    h = hashlib.sha256(gen_part).hexdigest()[:16]
    path = os.path.join(OUT, 'references.json')
    if os.path.exists(path):
        try:
            data = json.load(open(path))
            if data.get('hash') == h and len(data['cases']) == len(cases):
                return data['cases']
        except Exception:
            pass
    # The references take most of a cold run: every core works on them
    # (forked workers see the cases, so only indices and results travel).
    global PENDING
    PENDING = cases
    t0 = time.time()
    with multiprocessing.get_context('fork').Pool(os.cpu_count()) as pool:
        out = pool.map(reference_of, range(len(cases)), chunksize=64)
    print('  %d references in %.0fs' % (len(out), time.time() - t0), file=sys.stderr)
    json.dump({'hash': h, 'cases': out}, open(path, 'w'))
    return out


def short(s, n=160):
    return s if len(s) <= n else s[:n] + '…(%d chars)' % len(s)


def ref_str(ref, n=40):
    if ref['kind'] == 'exact':
        q = Fraction(int(ref['num']), int(ref['den']))
        s = str(q)
        if q.denominator != 1:
            s += ' ≈ ' + str(round_sig_frac(q, 20))
        return short('exact ' + s, 120)
    if ref['kind'] == 'approx':
        return '≈ ' + str(round_sig(Decimal(ref['v800']), n))
    return ref['kind'] + ' (' + ref.get('why', '') + ')'


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    os.makedirs(OUT, exist_ok=True)
    binary = os.path.abspath(binary)
    name = os.path.basename(binary)
    t0 = time.time()
    cases = build()
    refs = load_refs(cases)
    t_ref = time.time() - t0
    # sanity: rendered expressions must agree with cache
    for c, r in zip(cases, refs):
        assert c[1].render() == r['expr']
    groups = defaultdict(list)
    for i, r in enumerate(refs):
        groups[(r['deg'], r['digits'])].append(i)
    results = [None] * len(refs)
    t1 = time.time()
    for (deg, dig), idx in sorted(groups.items()):
        opts = (['--degrees'] if deg else []) + ['--digits', str(dig)]
        res = run_batch(binary, opts, [refs[i]['expr'] for i in idx])
        for i, r in zip(idx, res):
            results[i] = r
    t_run = time.time() - t1
    classes = []
    for r, res in zip(refs, results):
        classes.append(classify(r['ref'], r['digits'], res))
    # exactness probe: "(expr) to frac" for every case that printed a value
    t2 = time.time()
    probe_idx = [i for i, res in enumerate(results) if res[0] == 'ok' and classes[i][0] in ('RIGHT',)]
    pg = defaultdict(list)
    for i in probe_idx:
        pg[(refs[i]['deg'], refs[i]['digits'])].append(i)
    probe_res = {}
    for (deg, dig), idx in sorted(pg.items()):
        opts = (['--degrees'] if deg else []) + ['--digits', str(dig)]
        res = run_batch(binary, opts, ['(%s) to frac' % refs[i]['expr'] for i in idx])
        for i, r in zip(idx, res):
            probe_res[i] = r
            bad = frac_probe_check(refs[i]['ref'], r)
            if bad:
                classes[i] = ('WRONG', 'exactness: ' + bad)
            elif r[0] == 'crash':
                classes[i] = ('WRONG', 'crash in to-frac probe: ' + r[1])
    t_probe = time.time() - t2

    # ---- report
    fams = []
    for r in refs:
        if r['fam'] not in fams:
            fams.append(r['fam'])
    cnt = defaultdict(Counter)
    for r, c in zip(refs, classes):
        cnt[r['fam']][c[0]] += 1
    cols = ['RIGHT', 'WRONG', 'REFUSED', 'EXPECTED-ERROR', 'SKIP']
    lines = []
    lines.append('# pebble accuracy hunt: %s\n' % name)
    lines.append('binary: `%s`  \ncases: %d  \nreference time: %.1fs (cached when unchanged), pebble run: %.1fs, '
                 'to-frac probe: %.1fs (%d lines)\n' % (binary, len(refs), t_ref, t_run, t_probe, len(probe_idx)))
    lines.append('| family | ' + ' | '.join(cols) + ' | total |')
    lines.append('|---|' + '---|' * (len(cols) + 1))
    tot = Counter()
    for f in fams:
        tot.update(cnt[f])
        lines.append('| %s | ' % f + ' | '.join(str(cnt[f][c]) for c in cols) + ' | %d |' % sum(cnt[f].values()))
    lines.append('| **all** | ' + ' | '.join('**%d**' % tot[c] for c in cols) + ' | **%d** |' % sum(tot.values()))
    lines.append('')
    lines.append('Classes: RIGHT = every printed digit equals the mpmath value (computed at max(400, digits+200) and twice that many digits, which must agree; escalated to 2500/5000 when undecided) rounded half-even '
                 'to the requested digits (trailing zeros trimmed), or the exact value; WRONG = any wrong digit, a false '
                 'exact claim (also probed with `(expr) to frac`), a domain error where a real value exists, a crash; '
                 'REFUSED = an error although the value exists (and is within the documented limits); EXPECTED-ERROR = '
                 'true domain error, or a documented limit (factorial > 5000, |x| beyond 2^±131072, exact > 131072 bits) '
                 'was crossed; SKIP = the reference itself could not decide (not scored).\n')
    lines.append('## WRONG cases (all)\n')
    nw = 0
    for i, (r, c) in enumerate(zip(refs, classes)):
        if c[0] == 'WRONG':
            nw += 1
            opt = ('--degrees ' if r['deg'] else '') + ('--digits %d ' % r['digits'] if r['digits'] != 15 else '')
            lines.append('- [%s] `%s%s`\n  - pebble: `%s`\n  - truth: %s\n  - why: %s' % (
                r['fam'], opt, r['expr'], short(results[i][0] + ': ' + results[i][1], 200), ref_str(r['ref']), c[1]))
            if i in probe_res:
                lines.append('  - to frac: `%s`' % short(' '.join(probe_res[i]), 200))
    if nw == 0:
        lines.append('(none)')
    lines.append('\n## Refusals by kind\n')
    rk = Counter()
    rex = defaultdict(list)
    for i, (r, c) in enumerate(zip(refs, classes)):
        if c[0] == 'REFUSED':
            key = refusal_key(results[i][1])
            rk[key] += 1
            rex[key].append(i)
    for key, n in rk.most_common():
        lines.append('- **%d×** `%s`' % (n, key))
        for i in rex[key][:4]:
            r = refs[i]
            opt = ('--degrees ' if r['deg'] else '') + ('--digits %d ' % r['digits'] if r['digits'] != 15 else '')
            lines.append('  - [%s] `%s%s` → `%s`  (truth %s)' % (r['fam'], opt, short(r['expr'], 120),
                                                               short(results[i][1], 100), ref_str(r['ref'], 20)))
    lines.append('\n## Refusal samples per family\n')
    for f in fams:
        ids = [i for i, (r, c) in enumerate(zip(refs, classes)) if r['fam'] == f and c[0] == 'REFUSED']
        if not ids:
            continue
        lines.append('### %s (%d refused)' % (f, len(ids)))
        for i in ids[:8]:
            r = refs[i]
            opt = ('--degrees ' if r['deg'] else '') + ('--digits %d ' % r['digits'] if r['digits'] != 15 else '')
            lines.append('- `%s%s` → `%s`  (truth %s)' % (opt, short(r['expr'], 120), short(results[i][1], 100),
                                                       ref_str(r['ref'], 20)))
        lines.append('')
    lines.append('\n## Notes on RIGHT\n')
    notes = Counter(c[1] for c in classes if c[0] == 'RIGHT')
    for k_, n in notes.most_common():
        lines.append('- %d× %s' % (n, k_ or 'rounded digits correct'))
    lines.append('\n## Expected errors by message\n')
    ek = Counter()
    for i, c in enumerate(classes):
        if c[0] == 'EXPECTED-ERROR':
            ek[refusal_key(results[i][1])] += 1
    for k_, n in ek.most_common():
        lines.append('- %d× `%s`' % (n, k_))
    lines.append('\n## SKIP reasons\n')
    sk = Counter(c[1][:60] for c in classes if c[0] == 'SKIP')
    for k_, n in sk.most_common():
        lines.append('- %d× %s' % (n, k_))
    lines.append('\n## Domain expected errors answered with refusal instead of domain message (info)\n')
    for i, (r, c) in enumerate(zip(refs, classes)):
        if c[0] == 'EXPECTED-ERROR' and r['ref']['kind'] == 'domain' and c[1] == 'refusal':
            lines.append('- `%s` → `%s`' % (short(r['expr'], 100), short(results[i][1], 100)))
    rep = '\n'.join(lines) + '\n'
    out = os.path.join(OUT, 'report.md')
    open(out, 'w').write(rep)
    # results dump for diffing runs
    json.dump([{'expr': r['expr'], 'deg': r['deg'], 'digits': r['digits'], 'fam': r['fam'],
                'out': results[i], 'class': classes[i]} for i, r in enumerate(refs)],
              open(os.path.join(OUT, 'results.json'), 'w'))
    print('%s: %d cases, pebble %.1fs + probe %.1fs' % (name, len(refs), t_run, t_probe))
    print('%-14s ' % 'family' + ' '.join('%8s' % c[:8] for c in cols))
    for f in fams:
        print('%-14s ' % f + ' '.join('%8d' % cnt[f][c] for c in cols))
    print('%-14s ' % 'ALL' + ' '.join('%8d' % tot[c] for c in cols))
    print('report:', os.path.normpath(out))
    decidable = tot['RIGHT'] + tot['WRONG'] + tot['REFUSED']
    verdict = 'met' if tot['REFUSED'] <= REFUSAL_GOAL else 'NOT MET'
    print('refused %d of %d decidable values (goal: at most %d) %s'
          % (tot['REFUSED'], decidable, REFUSAL_GOAL, verdict))
    if tot['WRONG']:
        sys.exit('%d WRONG answers: see the report' % tot['WRONG'])


if __name__ == '__main__':
    main()
