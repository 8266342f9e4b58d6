#!/usr/bin/python3
"""Golden values for src/theory/ranking (paper 1's finite ranking models), from code written apart from it.

Run with Debian's Python (apt-get install python3-numpy python3-mpmath):
    /usr/bin/python3 scripts/make_oracle_ranking.py     # writes fixtures/oracle/ranking.json

Oracles: mpmath at 40 digits. The finite-m risks enumerate every ordered sequence of m negatives
(Ky^m terms) instead of the count vectors the TypeScript uses, so the two share no enumeration code.
AUCs follow the definitions of docs/claims.md (paper-1 notation), in numpy. Inputs come from numpy's PCG64 at a fixed seed.
"""
import itertools, json, math, os, sys
import numpy as np
import mpmath as mp

mp.mp.dps = 40
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'ranking.json')
rng = np.random.default_rng(20261129)


def dist(k, alpha):
    p = rng.dirichlet([alpha] * k)
    p = np.maximum(p, 1e-3)
    return p / p.sum()


def L(s, p1, pp, pn, tau):
    t = mp.mpf(0)
    for x in range(len(p1)):
        lse = tau * mp.log(mp.fsum(mp.mpf(pn[x][y]) * mp.exp(mp.mpf(s[x][y]) / tau) for y in range(len(s[x]))))
        t += mp.mpf(p1[x]) * (lse - mp.fsum(mp.mpf(pp[x][y]) * mp.mpf(s[x][y]) for y in range(len(s[x]))))
    return t


def L_star(p1, pp, pn, tau):
    return -tau * mp.fsum(mp.mpf(p1[x]) * mp.fsum(mp.mpf(pp[x][y]) * mp.log(mp.mpf(pp[x][y]) / mp.mpf(pn[x][y])) for y in range(len(pp[x]))) for x in range(len(p1)))


def q_s(s, pn, tau):
    out = []
    for x in range(len(s)):
        w = [mp.mpf(pn[x][y]) * mp.exp(mp.mpf(s[x][y]) / tau) for y in range(len(s[x]))]
        z = mp.fsum(w)
        out.append([float(v / z) for v in w])
    return out


def auc(s, p1, pp, pn):
    s = np.asarray(s); t = 0.0
    for x in range(len(p1)):
        d = s[x][:, None] - s[x][None, :]
        t += p1[x] * np.asarray(pp[x]) @ ((d > 0) + 0.5 * (d == 0)) @ np.asarray(pn[x])
    return float(t)


def global_auc(s, p1, pp, pn):
    t = 0.0
    kx, ky = len(p1), len(s[0])
    for x, y, x2, y2 in itertools.product(range(kx), range(ky), range(kx), range(ky)):
        a, b = s[x][y], s[x2][y2]
        t += p1[x] * pp[x][y] * p1[x2] * pn[x2][y2] * (1.0 if a > b else 0.5 if a == b else 0.0)
    return t


def L_m(s, p1, pp, pn, tau, m, form):
    t = mp.mpf(0)
    for x in range(len(p1)):
        ky = len(s[x]); e = [mp.exp(mp.mpf(v) / tau) for v in s[x]]
        inner = mp.mpf(0)
        for seq in itertools.product(range(ky), repeat=m):
            w = mp.fprod(mp.mpf(pn[x][y]) for y in seq)
            tot = mp.fsum(e[y] for y in seq)
            if form == 'normalized':
                inner += w * tau * mp.log(tot / m)
            else:
                inner += w * mp.fsum(mp.mpf(pp[x][yp]) * tau * mp.log(e[yp] + tot) for yp in range(ky))
        t += mp.mpf(p1[x]) * (inner - mp.fsum(mp.mpf(pp[x][y]) * mp.mpf(s[x][y]) for y in range(ky)))
    return t


cases = []
for i in range(40):
    kx = int(rng.integers(1, 4)); ky = int(rng.integers(2, 5))
    alpha = [0.3, 1.0, 5.0][i % 3]
    tau = [1.0, 0.5, 2.0, 0.1, 0.07][i % 5]
    p1 = dist(kx, 1.0); pp = [dist(ky, alpha) for _ in range(kx)]; pn = [dist(ky, alpha) for _ in range(kx)]
    sstar = tau * np.log(np.asarray(pp) / np.asarray(pn))
    s = (sstar + [1e-2, 0.1, 1.0, 3.0][i % 4] * tau * rng.standard_normal((kx, ky))) if i % 2 == 0 else rng.standard_normal((kx, ky))
    s = s.tolist()
    c = {'p1': p1.tolist(), 'pPos': [p.tolist() for p in pp], 'pNeg': [p.tolist() for p in pn], 'tau': tau, 's': s,
         'L': float(L(s, p1, pp, pn, tau)), 'Lstar': float(L_star(p1, pp, pn, tau)), 'q': q_s(s, pn, tau),
         'auc': auc(s, p1, pp, pn), 'aucStar': auc(np.log(np.asarray(pp) / np.asarray(pn)), p1, pp, pn),
         'globalAuc': global_auc(s, p1, pp, pn), 'finiteM': []}
    for m in [1, 2, 3, 5]:
        if ky ** m > 4000:
            continue
        c['finiteM'].append({'m': m, 'normalized': float(L_m(s, p1, pp, pn, tau, m, 'normalized')), 'infonce': float(L_m(s, p1, pp, pn, tau, m, 'infonce'))})
    cases.append(c)

# self-supervised: mutual information and the symmetric risk at an arbitrary table
ssl = []
for i in range(10):
    kx = int(rng.integers(2, 4)); ky = int(rng.integers(2, 4)); tau = [1.0, 0.5, 0.25][i % 3]
    P = rng.dirichlet([1.0] * (kx * ky)).reshape(kx, ky); P = np.maximum(P, 1e-3); P /= P.sum()
    p1 = P.sum(1); p2 = P.sum(0)
    mi = mp.fsum(mp.mpf(P[x, y]) * mp.log(mp.mpf(P[x, y]) / (mp.mpf(p1[x]) * mp.mpf(p2[y]))) for x in range(kx) for y in range(ky))
    s = rng.standard_normal((kx, ky)).tolist()
    fwd = L(s, p1, P / p1[:, None], [p2] * kx, tau)
    bwd = L(np.asarray(s).T.tolist(), p2, (P / p2[None, :]).T, [p1] * ky, tau)
    ssl.append({'joint': P.tolist(), 'tau': tau, 's': s, 'mutualInformation': float(mi), 'symmetricRisk': float(fwd + bwd)})

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as fh:
    json.dump({'meta': {'what': 'paper-1 ranking quantities: L, L*, q_s, per-anchor and global AUC, exact finite-m risks (forms A and B) by sequence enumeration, I(X;Y) and the symmetric risk; mpmath 40 digits',
                        'versions': {'numpy': np.__version__, 'mpmath': mp.__version__, 'python': sys.version.split()[0]}},
               'cases': cases, 'selfSupervised': ssl}, fh, separators=(',', ':'))
    fh.write('\n')
print(f'{OUT}: {len(cases)} cases, {len(ssl)} self-supervised')
