#!/usr/bin/python3
"""Golden values for test/numeric/bessel.test.ts (issue 15: the branches of src/numeric/bessel.ts that the broad
table of make_oracle.py leaves open).

    /usr/bin/python3 scripts/make_oracle_bessel.py   # writes fixtures/oracle/bessel.json

mpmath at 50 digits, from its own besseli (not from our code):
  logI     log I_nu(x), where log I_0(x) ~ x^2/4 near 0 must keep its relative precision
  I        I_nu(x) itself (besselI), up to x = 700 where it is near the float64 overflow
  logTiny  log I_nu(x) for a large order at a small argument: I_nu(x) ~ (x/2)^nu / Gamma(nu + 1) is far below the
           smallest double, so only the log form is finite
"""
import json, os
import mpmath as mp

mp.mp.dps = 50
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'bessel.json')


def F(x):
    return mp.mpf(float(x))


cases = []
for x in [1e-6, 1e-3, 0.5, 29.75]:
    cases.append({'kind': 'logI', 'nu': 0, 'x': x, 'value': float(mp.log(mp.besseli(0, F(x))))})
for nu, x in [(0, 1), (2.5, 3), (10, 20), (1, 700), (63, 0.25)]:
    cases.append({'kind': 'I', 'nu': nu, 'x': x, 'value': float(mp.besseli(F(nu), F(x)))})
for nu, x in [(400, 0.01), (255.5, 1e-3), (1000, 5)]:
    cases.append({'kind': 'logTiny', 'nu': nu, 'x': x, 'value': float(mp.log(mp.besseli(F(nu), F(x))))})

meta = {'what': 'log I_nu(x), I_nu(x) and log I_nu(x) below the double range; scripts/make_oracle_bessel.py (mpmath, 50 digits)'}
json.dump({'meta': meta, 'cases': cases}, open(OUT, 'w'), indent=1)
print('wrote', OUT)
