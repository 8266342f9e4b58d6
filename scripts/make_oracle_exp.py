#!/usr/bin/python3
"""Golden values for test/numeric/exp.test.ts: e^x for the exponential of the float64 kernels (src/numeric/exp.ts).

    /usr/bin/python3 scripts/make_oracle_exp.py   # writes fixtures/oracle/exp.json

mpmath at 60 digits, from its own exp (not from our code). For each double x: `value`, e^x rounded to the nearest
double, and `residualUlps`, (e^x − value)/ulp(value), so a test can measure an error in ulps (a residual in
absolute terms would underflow among subnormals).
x covers the whole finite range of e^x (subnormal results included), the points where the reduced argument
r = x − n·ln 2 is largest (|r| near ln2/2, where the polynomial is least accurate), tiny |x|, integers, and
uniform draws, and the worst points found by a wider search. Subnormal values are rounded once, from the exact
value (float() of an mpf would round twice). Outputs that are 0 or +inf in double are left out (the test checks
those ends by value).
"""
import json, math, os, random
import mpmath as mp

mp.mp.dps = 60
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'exp.json')
rng = random.Random(20261129)

xs = set()
for _ in range(1500):
    xs.add(rng.uniform(-745.0, 709.7))
for _ in range(1000):
    xs.add(rng.uniform(-1.0, 1.0))
for _ in range(300):
    xs.add(rng.uniform(-745.1, -708.4))  # subnormal results
for _ in range(200):
    xs.add(rng.uniform(-1e-8, 1e-8))
for n in range(-1070, 1024, 11):
    for side in (-1, 1):
        base = (n + side * 0.5) * 0.6931471805599453
        for k in range(-1, 2):
            xs.add(base + k * 1e-12)
for k in range(-40, 41):
    xs.add(float(k))
for x in [5e-324, -5e-324, 1e-300, 2.0**-53, -(2.0**-53), 709.78, 709.782712893384, -708.3964185322641, -745.1332191019411]:
    xs.add(x)
# the worst points found so far by a search of 6e8 points near r = -ln2/2 (0.98 ulp) and among subnormal results
for x in [-527.1367017451985, -708.487, -711.5155808447828]:
    xs.add(x)

TINY = mp.mpf(2) ** -1074


def ulp(v):
    """the spacing of doubles at the positive double v (2^-1074 among subnormals)"""
    if v < 2.0 ** -1022:
        return TINY
    m, e = math.frexp(v)  # v = m * 2^e, 0.5 <= m < 1
    return mp.mpf(2) ** (e - 53)


def nearest_double(exact):
    """exact rounded once to the nearest double (float() of an mpf rounds to 53 bits first, then again to a
    subnormal's fewer bits: twice)"""
    if exact < mp.mpf(2) ** -1022:
        return float(mp.nint(exact / TINY)) * 5e-324
    return float(exact)


cases = []
for x in sorted(xs):
    exact = mp.exp(mp.mpf(x))
    value = nearest_double(exact)
    if value == 0.0 or value == float('inf'):
        continue
    cases.append({'x': x, 'value': value, 'residualUlps': float((exact - mp.mpf(value)) / ulp(value))})

meta = {'what': 'e^x rounded to nearest and its residual; scripts/make_oracle_exp.py (mpmath, 60 digits)', 'count': len(cases)}
with open(OUT, 'w') as f:
    f.write('{"meta": ' + json.dumps(meta) + ',\n "cases": [\n')
    f.write(',\n'.join(json.dumps(c, separators=(',', ':')) for c in cases))
    f.write('\n]}\n')
print('wrote', OUT, len(cases), 'cases')
