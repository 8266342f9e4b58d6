#!/usr/bin/python3
"""Golden values for the mutation tests of src/numeric (issue 15, item 4).

    /usr/bin/python3 scripts/make_oracle_numeric_mutants.py   # writes fixtures/oracle/numeric_mutants.json

Each value is computed in mpmath at 60 significant digits from its textbook definition, not from our code:
  binomial upper tail  P(X >= k) = sum_{i>=k} C(n, i) p^i (1 - p)^(n - i)        (exact rational sum)
  Kolmogorov survival  P(K > x) = 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 x^2)        (summed to 2000 terms)
  KL(p || q)           sum_i p_i log(p_i / q_i), weights as given (no renormalisation), 0 log 0 = 0
  KL + KL              sum_i (p_i - q_i) log(p_i / q_i)
  entropy              -sum_i p_i log p_i
  log-sum-exp          log sum_i exp(x_i);   log1p form  log(1 + sum_i exp(x_i))
The inputs are float64 values (dyadic or written here as decimal literals, read as the nearest double).
"""
import json, os
import mpmath as mp

mp.mp.dps = 60
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'numeric_mutants.json')


def S(v):
    return mp.nstr(v, 30)


def F(x):
    return mp.mpf(float(x))  # the double the test passes


def binom_tail(k, n, p):
    p = F(p)
    return mp.fsum(mp.binomial(n, i) * p**i * (1 - p) ** (n - i) for i in range(max(k, 0), n + 1))


def kolmogorov(x):
    x = F(x)
    return 2 * mp.fsum((-1) ** (k - 1) * mp.exp(-2 * k * k * x * x) for k in range(1, 2000))


def kl(p, q):
    return mp.fsum(F(a) * mp.log(F(a) / F(b)) for a, b in zip(p, q) if a != 0)


def jeffreys(p, q):
    return mp.fsum((F(a) - F(b)) * mp.log(F(a) / F(b)) for a, b in zip(p, q) if a != b)


def entropy(p):
    return -mp.fsum(F(a) * mp.log(F(a)) for a in p if a != 0)


def lse(x):
    return mp.log(mp.fsum(mp.exp(F(v)) for v in x))


def log1p_lse(x):
    return mp.log(1 + mp.fsum(mp.exp(F(v)) for v in x))


binomial = [[k, n, p] for k, n, p in [
    (4, 20, 0.1), (5, 20, 0.1), (1, 10, 0.1), (10, 10, 0.5), (9, 10, 0.5), (3, 4, 0.75),
    (7, 8, 0.25), (130, 1000, 0.1), (60, 100, 0.5), (900, 1000, 0.95),
]]
kolmo = [0.2, 0.25, 0.5, 0.615, 0.8, 1, 1.5, 2, 3]
# two-atom laws p = (a, 1 - a) against q = (1/2, 1/2): delta = 2a - 1 spans the series (|d| <= 0.1) and the direct form
kl_pairs = [
    [[0.5 + d / 2, 0.5 - d / 2], [0.5, 0.5]] for d in (0.0625, -0.0625, 0.1, -0.1, 0.125, -0.125, 0.5, -0.75)
] + [
    [[0.3, 0.7], [0.001, 0.999]],     # ratio 300: log of the ratio
    [[0.001, 0.999], [0.3, 0.7]],     # ratio 1/300
    [[1], [2]], [[2], [1]],           # unnormalized weights
    [[1, 1e-310], [1e-310, 1]],       # ratio 1e310 overflows: log p - log q
    [[0.25, 0.75], [0.75, 0.25]],
]
entropies = [[0.5, 0.5], [1], [0.25, 0.25, 0.5], [2], [0, 1]]
lses = [[0, 0], [1], [-1, 2, 0.5], [-800, -801], [3, -3]]
log1ps = [[0], [1], [-1, -2], [2, 3], [-40]]

out = {
    'meta': {'what': 'golden values for test/numeric/mutants-*.test.ts from their definitions in mpmath (60 digits)',
             'versions': {'mpmath': mp.__version__}},
    'binomialUpperTail': [{'k': k, 'n': n, 'p': p, 'value': S(binom_tail(k, n, p))} for k, n, p in binomial],
    'kolmogorovSurvival': [{'x': x, 'value': S(kolmogorov(x))} for x in kolmo],
    'ksStephens': [{'n': n, 'D': D, 'value': S(kolmogorov((mp.sqrt(n) + mp.mpf('0.12') + mp.mpf('0.11') / mp.sqrt(n)) * F(D)))}
                   for n, D in [(1, 0.5), (3, 0.4666666666666667)]],
    'kl': [{'p': p, 'q': q, 'kl': S(kl(p, q)), 'klSum': S(jeffreys(p, q))} for p, q in kl_pairs],
    'entropy': [{'p': p, 'value': S(entropy(p))} for p in entropies],
    'logSumExp': [{'x': x, 'value': S(lse(x))} for x in lses],
    'log1pSumExp': [{'x': x, 'value': S(log1p_lse(x))} for x in log1ps],
}
with open(OUT, 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
print('wrote', OUT)
