#!/usr/bin/python3
"""Golden values for the branches of src/theory/ranking that the older oracles never reach (issue 15: StrykerJS
survivors of the excess risk and of the finite-m risks).

    /usr/bin/python3 scripts/make_oracle_ranking_mutants.py     # writes fixtures/oracle/ranking_mutants.json

Written from the definitions of docs/claims.md (paper-1 notation, C1, C2, C6-C8), not from the TypeScript.
mpmath at 100 digits, so an excess risk of 1e-9 next to scores of 400 keeps all its digits.

excess: the excess risk by its definition, L(s) - L*, both terms as written in C1:
    L(s) = Σ_x p1 [ τ log Σ_y P₋ e^{s/τ} − Σ_y P₊ s ],   L* = −τ Σ_x p1 Σ_{P₊>0} P₊ log(P₊/P₋)
  on the cases the TypeScript handles by separate code: candidates with P₊ = 0 near the optimum, scores far from
  it (some t − t̄ below −700, or a P₊ = 0 candidate whose exponent log P₋ + s/τ + t̄ exceeds 700), scores with
  |t − t̄| > ½, and a P₊ that sums to 1 + 2^-35 (allowed: the model check accepts sums within 1e-9), where
  L − L* holds the term (σ − 1)·t̄.
finiteM: the exact finite-m risks for m > 18 negatives, as the expectation over the count vector
  c ~ Mult(m, P₋(·|x)) with the multinomial law m!/Π c_y! Π P₋^c_y (exact factorials):
    L_m      = Σ_x p1 [ E_c τ log((Σ_y c_y e^{s/τ})/m) − Σ_y P₊ s ]
    L_m^NCE  = Σ_x p1 [ Σ_{y+} P₊(y+) E_c τ log(e^{s(x,y+)/τ} + Σ_y c_y e^{s/τ}) − Σ_y P₊ s ]
    RMS      = √(E_c err²),  err = Σ_x p1 τ [log((Σ_y c_y e^{s(x,y)/τ})/m) − log E_{P₋} e^{s(x,·)/τ}]  (one shared law)
  (scripts/make_oracle_finite_m.py enumerates sequences, Ky^m terms: too many at m = 19..40.)
Values are decimal strings of 25 digits.
"""
import itertools, json, math, os, sys
import mpmath as mp

mp.mp.dps = 100
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'ranking_mutants.json')


def S(v):
    return mp.nstr(v, 25, min_fixed=-5, max_fixed=5) if v != 0 else '0'


def excess(p1, pp, pn, s, tau):
    """L(s) − L* from C1's definitions (anchors of weight 0 left out: they have no mass)."""
    tau, t = mp.mpf(tau), mp.mpf(0)
    for x in range(len(p1)):
        if p1[x] == 0:
            continue
        ky = len(s[x])
        lse = tau * mp.log(mp.fsum(mp.mpf(pn[x][y]) * mp.exp(mp.mpf(s[x][y]) / tau) for y in range(ky)))
        pos = mp.fsum(mp.mpf(pp[x][y]) * mp.mpf(s[x][y]) for y in range(ky))
        kl = mp.fsum(mp.mpf(pp[x][y]) * mp.log(mp.mpf(pp[x][y]) / mp.mpf(pn[x][y])) for y in range(ky) if pp[x][y] > 0)
        t += mp.mpf(p1[x]) * (lse - pos + tau * kl)
    return t


def counts(m, k):
    """Every count vector of m draws over k atoms."""
    for cuts in itertools.combinations(range(m + k - 1), k - 1):
        bounds = (-1,) + cuts + (m + k - 1,)
        yield [bounds[i + 1] - bounds[i] - 1 for i in range(k)]


def multinomial(c, p):
    w = mp.factorial(sum(c))
    for cy, py in zip(c, p):
        w *= mp.mpf(py) ** cy / mp.factorial(cy)
    return w


def finite_m(p1, pp, pn, s, tau, m, form):
    tau, t = mp.mpf(tau), mp.mpf(0)
    for x in range(len(p1)):
        ky = len(s[x])
        e = [mp.exp(mp.mpf(v) / tau) for v in s[x]]
        inner = mp.mpf(0)
        for c in counts(m, ky):
            w = multinomial(c, pn[x])
            tot = mp.fsum(cy * ey for cy, ey in zip(c, e))
            if form == 'normalized':
                inner += w * tau * mp.log(tot / m)
            else:
                inner += w * mp.fsum(mp.mpf(pp[x][yp]) * tau * mp.log(e[yp] + tot) for yp in range(ky) if pp[x][yp] > 0)
        t += mp.mpf(p1[x]) * (inner - mp.fsum(mp.mpf(pp[x][y]) * mp.mpf(s[x][y]) for y in range(ky)))
    return t


def shared_rms(p1, pn, s, tau, m):
    tau = mp.mpf(tau)
    es = [[mp.exp(mp.mpf(v) / tau) for v in row] for row in s]
    logmean = [mp.log(mp.fsum(mp.mpf(p) * v for p, v in zip(pn, e))) for e in es]
    sq = mp.mpf(0)
    for c in counts(m, len(pn)):
        err = mp.fsum(mp.mpf(p1[x]) * tau * (mp.log(mp.fsum(cy * ey for cy, ey in zip(c, es[x])) / m) - logmean[x])
                      for x in range(len(p1)))
        sq += multinomial(c, pn) * err ** 2
    return mp.sqrt(sq)


LOG2 = math.log(2)
tau = 0.5
# near the optimum with a P₊ = 0 candidate: s = τ log r + c ± δ on the support, and the third score chosen so that
# its softmax mass P₋ e^{s/τ} is ~1e-9 of the total, the size of the δ² term: both parts of the excess count.
c, d = 0.75, 0.5e-4
near_zero_pos = [[tau * LOG2 + c + d, tau * LOG2 + c - d, -9.5]]
excess_cases = [
    ('P₊ = 0 on one candidate, near the optimum (excess ~1e-9)', [1.0], [[0.5, 0.5, 0.0]], [[0.25, 0.25, 0.5]],
     near_zero_pos, tau),
    ('P₊ = 0 on one candidate, τ = 2, the P₊ = 0 term dominant', [1.0], [[0.0, 0.75, 0.25]], [[0.5, 0.25, 0.25]],
     [[1.0, 2 * math.log(3) + 0.125, 0.375]], 2.0),
    ('|t − t̄| up to ~20: φ beyond its series', [1.0], [[0.5, 0.3, 0.2]], [[0.2, 0.3, 0.5]], [[0.0, 5.0, -5.0]], 0.25),
    ('far: t − t̄ = −800, P₊ summing to 1 + 2^-35', [1.0], [[0.5 + 2.0 ** -35, 0.5]], [[0.5, 0.5]], [[0.0, 800.0]],
     0.5),
    ('far: a P₊ = 0 exponent of 800', [1.0], [[1.0, 0.0]], [[0.5, 0.5]], [[0.0, 400.0]], 0.5),
    ('Kx = 3: near (P₊ = 0), far, and the series', [0.25, 0.5, 0.25],
     [[0.5, 0.5, 0.0], [0.5, 0.25, 0.25], [0.25, 0.5, 0.25]], [[0.25, 0.25, 0.5], [0.25, 0.5, 0.25], [0.5, 0.25, 0.25]],
     [near_zero_pos[0], [0.0, 0.0, 900.0], [0.125, -0.25, 0.5]], tau),
]

# finite m beyond 18 (the log-domain multinomial weights); the second anchor has its own negative law.
fm_cases = [
    ('Ky = 2, two anchors', [0.25, 0.75], [[0.6, 0.4], [0.0, 1.0]], [[0.3, 0.7], [0.55, 0.45]],
     [[0.3, -0.7], [1.25, 0.0]], 0.5, [19, 20, 32]),
    ('Ky = 3, one anchor, P₊ = 0 on one candidate', [1.0], [[0.5, 0.0, 0.5]], [[0.2, 0.3, 0.5]],
     [[0.0, 1.5, -0.5]], 0.75, [19, 24]),
]
# one shared negative law (self-supervised shape) for the shared-pool RMS at m = 20
rms_case = ('Ky = 3, two anchors, one negative law', [0.375, 0.625], [[0.5, 0.25, 0.25], [0.2, 0.2, 0.6]],
            [0.25, 0.25, 0.5], [[0.0, 1.0, -1.0], [0.5, -0.25, 2.0]], 0.5, [19, 20])

out = {'excess': [], 'finiteM': [], 'sharedPoolRms': []}
for name, p1, pp, pn, s, t in excess_cases:
    out['excess'].append({'name': name, 'p1': p1, 'pPos': pp, 'pNeg': pn, 's': s, 'tau': t,
                          'excess': S(excess(p1, pp, pn, s, t))})
for name, p1, pp, pn, s, t, ms in fm_cases:
    out['finiteM'].append({'name': name, 'p1': p1, 'pPos': pp, 'pNeg': pn, 's': s, 'tau': t,
                           'values': [{'m': m, 'normalized': S(finite_m(p1, pp, pn, s, t, m, 'normalized')),
                                       'infonce': S(finite_m(p1, pp, pn, s, t, m, 'infonce'))} for m in ms]})
name, p1, pp, pn, s, t, ms = rms_case
out['sharedPoolRms'].append({'name': name, 'p1': p1, 'pPos': pp, 'pNeg': [pn] * len(p1), 's': s, 'tau': t,
                             'values': [{'m': m, 'rms': S(shared_rms(p1, pn, s, t, m))} for m in ms]})

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as fh:
    json.dump({'meta': {'what': 'excess risk L − L* on the P₊ = 0, far and series branches; exact finite-m risks '
                                '(forms A and B) and the shared-pool RMS at m = 19..32 by count-vector expectation; '
                                'mpmath 100 digits; values as decimal strings',
                        'versions': {'mpmath': mp.__version__, 'python': sys.version.split()[0]}},
               **out}, fh, separators=(',', ':'))
    fh.write('\n')
print(f'{OUT}: {len(out["excess"])} excess cases, {len(out["finiteM"])} finite-m cases, 1 shared-pool case')
for e in out['excess']:
    print(' ', e['name'], e['excess'])
