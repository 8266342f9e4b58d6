#!/usr/bin/python3
"""Golden values for the finite-m risks, the shared-pool RMS and the bias bounds of src/theory/ranking/finiteM.ts
at wide score spreads (spread/τ up to 10⁴), where e^{s/τ} under- and overflows in float64 (issue 11, item 2).

    /usr/bin/python3 scripts/make_oracle_finite_m.py     # writes fixtures/oracle/finite_m.json

Written from the formulas of research notes C6–C8 (as scripts/make_oracle_ranking.py), not from the TypeScript:
mpmath at 60 digits, whose exponent range is unbounded, so e^{10⁶} is just a number. The finite-m risks
enumerate every ordered sequence of m negatives (Ky^m terms); the TypeScript enumerates count vectors.
  L_m      = Σ_x p1 [ E_seq τ log((1/m) Σ_{y∈seq} e^{s(x,y)/τ}) − Σ_y P₊ s ]
  L_m^NCE  = Σ_x p1 [ Σ_{y+} P₊(y+) E_seq τ log(e^{s(x,y+)/τ} + Σ_{y∈seq} e^{s(x,y)/τ}) − Σ_y P₊ s ]
  RMS      = √(E_seq err²),  err = Σ_x p1 τ [log((1/m) Σ_{y∈seq} e^{s(x,y)/τ}) − log E_{P₋} e^{s(x,·)/τ}]
  B_m      = (τ/2m) Σ_x p1 Var_{P₋}(e^{s/τ}) / min e^{s/τ}²,   C_asym = (τ/2) Σ_x p1 Var / (E e^{s/τ})²
  B_m^NCE  = τ Σ_x p1 Σ_{y+} P₊(y+) max(1/(m μ), Var(z)/(2m min z²)),  z = e^{(s − s(x,y+))/τ}, μ = E_{P₋} z
  rate     = τ √(Σ_x p1 Var / min e^{s/τ}²)
Values are written as decimal strings (25 digits); one above the largest double is written as is and
the TypeScript must return +∞ for it.
"""
import itertools, json, os, sys
import numpy as np
import mpmath as mp

mp.mp.dps = 60
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'finite_m.json')
rng = np.random.default_rng(20260611)


def S(v):
    return mp.nstr(v, 25, min_fixed=-5, max_fixed=5) if v != 0 else '0'


def E(v, tau):
    return mp.exp(mp.mpf(v) / mp.mpf(tau))


def seqs(pn, m):
    """(probability, sequence) for every ordered sequence of m draws from pn."""
    for seq in itertools.product(range(len(pn)), repeat=m):
        yield mp.fprod(mp.mpf(pn[y]) for y in seq), seq


def L_m(p1, pp, pn, s, tau, m, form):
    t, tau = mp.mpf(0), mp.mpf(tau)
    for x in range(len(p1)):
        ky, e = len(s[x]), [E(v, tau) for v in s[x]]
        inner = mp.mpf(0)
        for w, seq in seqs(pn[x], m):
            tot = mp.fsum(e[y] for y in seq)
            if form == 'normalized':
                inner += w * tau * mp.log(tot / m)
            else:
                inner += w * mp.fsum(mp.mpf(pp[x][yp]) * tau * mp.log(e[yp] + tot) for yp in range(ky) if pp[x][yp] > 0)
        t += mp.mpf(p1[x]) * (inner - mp.fsum(mp.mpf(pp[x][y]) * mp.mpf(s[x][y]) for y in range(ky)))
    return t


def moments(pn, e):
    mean = mp.fsum(mp.mpf(p) * v for p, v in zip(pn, e))
    var = mp.fsum(mp.mpf(p) * (v - mean) ** 2 for p, v in zip(pn, e))
    return mean, var, min(e)


def bounds(p1, pp, pn, s, tau, m):
    tau = mp.mpf(tau)
    jensen, asym, nce = mp.mpf(0), mp.mpf(0), mp.mpf(0)
    for x in range(len(p1)):
        e = [E(v, tau) for v in s[x]]
        mean, var, lo = moments(pn[x], e)
        jensen += mp.mpf(p1[x]) * var / lo ** 2
        asym += mp.mpf(p1[x]) * var / mean ** 2
        for yp in range(len(s[x])):
            if pp[x][yp] == 0:
                continue
            z = [E(v - s[x][yp], tau) for v in s[x]]
            mu, vz, a = moments(pn[x], z)
            nce += mp.mpf(p1[x]) * mp.mpf(pp[x][yp]) * max(1 / (m * mu), vz / (2 * m * a ** 2))
    return {'jensen': tau / (2 * m) * jensen, 'asymptotic': tau / 2 * asym, 'infonce': tau * nce,
            'rate': tau * mp.sqrt(jensen)}


def shared_rms(p1, pn, s, tau, m):
    tau = mp.mpf(tau)
    es = [[E(v, tau) for v in row] for row in s]
    logmean = [mp.log(mp.fsum(mp.mpf(p) * v for p, v in zip(pn, e))) for e in es]
    sq = mp.mpf(0)
    for w, seq in seqs(pn, m):
        err = mp.fsum(mp.mpf(p1[x]) * tau * (mp.log(mp.fsum(es[x][y] for y in seq) / m) - logmean[x]) for x in range(len(p1)))
        sq += w * err ** 2
    return mp.sqrt(sq)


def dist(k, floor=0.05):
    p = np.maximum(rng.dirichlet([1.0] * k), floor)
    return (p / p.sum()).tolist()


def case(name, p1, pp, pn, s, tau, ms):
    out = {'name': name, 'p1': p1, 'pPos': pp, 'pNeg': pn, 's': s, 'tau': tau, 'finiteM': [], 'bounds': []}
    for m in ms:
        out['finiteM'].append({'m': m, 'normalized': S(L_m(p1, pp, pn, s, tau, m, 'normalized')),
                               'infonce': S(L_m(p1, pp, pn, s, tau, m, 'infonce'))})
        out['bounds'].append({'m': m, **{k: S(v) for k, v in bounds(p1, pp, pn, s, tau, m).items()}})
    if all(row == pn[0] for row in pn):
        out['sharedPoolRms'] = [{'m': m, 'value': S(shared_rms(p1, pn[0], s, tau, m))} for m in ms]
    return out


half = [0.5, 0.5]
cases = [
    # the instance: exact L_1 = 0 (normalized), 2.50347 (InfoNCE); L_2 = 2.49653, 3.75535
    case('issue 11: s = [0, 10], τ = 0.01', [1.0], [half], [half], [[0.0, 10.0]], 0.01, [1, 2, 3, 5]),
    # spread/τ = 740: e^{−740} is subnormal, the old code returned L_1 = 1.29e-5 for the exact 0
    case('issue 11: s = [0, 7.4], τ = 0.01', [1.0], [half], [half], [[0.0, 7.4]], 0.01, [1, 2, 3]),
    case('spread/τ = 10⁴, three candidates', [1.0], [[0.25, 0.25, 0.5]], [[0.5, 0.25, 0.25]], [[0.0, 50.0, 100.0]], 0.01, [1, 2, 3]),
]
for i, ratio in enumerate([50, 700, 720, 740, 745, 1000, 5000, 10000]):
    for tau in [1.0, 0.01]:
        kx, ky = 1 + i % 2, 2 + (i + int(tau == 1.0)) % 2
        spread = ratio * tau
        s = []
        for _ in range(kx):
            u = rng.random(ky); u = (u - u.min()) / (u.max() - u.min())
            s.append((spread * u).tolist())
        p1 = dist(kx)
        pn_row = dist(ky)
        pn = [pn_row] * kx if i % 2 == 0 else [dist(ky) for _ in range(kx)]
        pp = [dist(ky) for _ in range(kx)]
        cases.append(case(f'spread/τ = {ratio}, τ = {tau}', p1, pp, pn, s, tau, [1, 2, 3] if ky == 3 else [1, 2, 3, 5]))

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as fh:
    json.dump({'meta': {'what': 'finite-m risks (forms A and B, by sequence enumeration), shared-pool RMS and the C6-C8 '
                                'bias bounds at spread/τ up to 1e4; mpmath 60 digits; values as decimal strings',
                        'versions': {'numpy': np.__version__, 'mpmath': mp.__version__, 'python': sys.version.split()[0]}},
               'cases': cases}, fh, separators=(',', ':'))
    fh.write('\n')
print(f'{OUT}: {len(cases)} cases')
for c in cases[:2]:
    print(c['name'], c['finiteM'])
