#!/usr/bin/python3
"""Golden values near zero (issue 11, item 4): losses down to 1e-100, divergences, gaps and excess risks down to 1e-14.

    /usr/bin/python3 scripts/make_oracle_near_zero.py     # writes fixtures/oracle/near_zero.json

Every value is computed in mpmath at 250 significant digits straight from its textbook formula, with no care
for cancellation (250 digits leave > 100 after any cancellation here): SupCon as in SupContrast's losses.py
(log_prob = z − log Σ_{k≠a} e^{z_ak}, mean over positives, −τ/τ_base), InfoNCE in its normalized form
(log((1/m) Σ_j e^{δ_j})), KL and KL + KL of the given weights, the centroid gap ‖x̄ − ȳ‖, the V-statistic
energy distance and RBF MMD², and the excess risk L(s) − L* of paper 1's finite ranking model from the
definitions of L and L*. Inputs are float64 values written into the file, drawn from numpy's PCG64.
Each case stays well conditioned in its float64 inputs (e.g. InfoNCE differences δ of relative size >= 1e-3 of
the dot products), so its value is fixed by the inputs to better than 1e-10.
"""
import json, os, sys
import numpy as np
import mpmath as mp

mp.mp.dps = 250
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'near_zero.json')
rng = np.random.default_rng(20260612)


def S(v):
    return mp.nstr(v, 25, min_fixed=-5, max_fixed=5) if v != 0 else '0'


def M(a):
    return [[mp.mpf(float(v)) for v in row] for row in a]


def dotm(a, b):
    return mp.fsum(x * y for x, y in zip(a, b))


def unit_rows(n, d):
    x = rng.standard_normal((n, d))
    return x / np.linalg.norm(x, axis=1, keepdims=True)


# ------------------------------------------------------------------ SupCon (SupContrast losses.py, contrast 'all')
def supcon(views, labels, tau, base_tau=0.07):
    V, B = len(views), len(views[0])
    rows = [r for v in views for r in M(v)]
    lab = [labels[i % B] if labels is not None else i % B for i in range(V * B)]
    t, total = mp.mpf(tau), mp.mpf(0)
    for a in range(V * B):
        z = [dotm(rows[a], rows[b]) / t for b in range(V * B)]
        lse = mp.log(mp.fsum(mp.exp(z[k]) for k in range(V * B) if k != a))
        pos = [z[b] - lse for b in range(V * B) if b != a and lab[b] == lab[a]]
        total += mp.fsum(pos) / max(len(pos), 1)
    return -(t / mp.mpf(base_tau)) * total / (V * B)


supcon_cases = []
for target, labelled in [(1.0, False), (1e-5, False), (7.5e-17, False), (1e-3, True), (1e-30, False), (1e-60, True),
                         (1e-100, False)]:
    B, d = 4, 6
    v1 = unit_rows(B, d)
    v2 = v1 + 1e-3 * rng.standard_normal((B, d)); v2 /= np.linalg.norm(v2, axis=1, keepdims=True)
    labels = None
    if labelled:   # items 0 and 1 share a class and nearly a direction
        labels = [0, 0, 1, 2]
        v1[1] = v1[0] + 1e-3 * rng.standard_normal(d); v1[1] /= np.linalg.norm(v1[1])
        v2[1] = v1[1] + 1e-3 * rng.standard_normal(d); v2[1] /= np.linalg.norm(v2[1])
    # the smallest margin between a positive and a negative of the same anchor sets the size of the loss:
    # τ = margin / log(1/target) makes its largest term about `target` (labelled: log |P| stays, so not near 0)
    rows = np.concatenate([v1, v2]); G = rows @ rows.T; lab = (labels or list(range(B))) * 2
    margin = min(G[a, p] - G[a, k] for a in range(2 * B) for p in range(2 * B) for k in range(2 * B)
                 if p != a and k != a and lab[p] == lab[a] and lab[k] != lab[a])
    tau = float(margin / np.log(1 / target)) if target < 1 else 0.5
    supcon_cases.append({'views': [v1.tolist(), v2.tolist()], 'labels': labels, 'tau': tau, 'baseTau': 0.07,
                         'loss': S(supcon([v1, v2], labels, tau))})


# ------------------------------------------------------------------ InfoNCE, normalized form
def infonce_normalized(A, P, N, m, tau):
    A, P, N, t = M(A), M(P), M(N), mp.mpf(tau)
    per = []
    for i in range(len(A)):
        sp = dotm(A[i], P[i])
        per.append(mp.log(mp.fsum(mp.exp((dotm(A[i], N[i * m + j]) - sp) / t) for j in range(m)) / m))
    return mp.fsum(per) / len(A), per


infonce_cases = []
for scale, eps in [(1.0, 0.3), (1.0, 1e-3), (1e-8, 1e-3), (1e-25, 1e-3), (1e-47, 1e-3), (1e-50, 1e-2)]:
    n, m, d, tau = 3, 4, 5, 0.5
    A = scale * unit_rows(n, d)
    P = A + scale * 0.2 * rng.standard_normal((n, d))
    # each negative = its positive moved towards the anchor by a positive multiple (δ > 0, well conditioned)
    N = np.concatenate([P[i] + eps * rng.uniform(0.5, 1.5, (m, 1)) * A[i] for i in range(n)])
    loss, per = infonce_normalized(A, P, N, m, tau)
    infonce_cases.append({'anchors': A.tolist(), 'positives': P.tolist(), 'negatives': N.tolist(), 'm': m, 'tau': tau,
                          'loss': S(loss), 'perAnchor': [S(v) for v in per]})


# ------------------------------------------------------------------ KL and KL + KL of near-equal laws
def kl(p, q):
    return mp.fsum(mp.mpf(a) * mp.log(mp.mpf(a) / mp.mpf(b)) for a, b in zip(p, q) if a > 0)


kl_cases = []
for eps in [1e-1, 1e-3, 1e-5, 1e-6, 3e-7, 1.5e-7]:
    K = 6
    p = rng.dirichlet([2.0] * K)
    q = p * (1 + eps * rng.standard_normal(K)); q = q / q.sum()
    kl_cases.append({'p': p.tolist(), 'q': q.tolist(), 'kl': S(kl(p, q)), 'klReverse': S(kl(q, p)),
                     'symmetricSum': S(kl(p, q) + kl(q, p))})


# ------------------------------------------------------------------ gaps of near-equal sets
def centroid_gap(X, Y):
    X, Y = M(X), M(Y)
    d = len(X[0])
    diff = [mp.fsum(r[k] for r in X) / len(X) - mp.fsum(r[k] for r in Y) / len(Y) for k in range(d)]
    return mp.sqrt(mp.fsum(v * v for v in diff))


def mean_pairs(A, B, f):
    return mp.fsum(f(mp.fsum((a - b) ** 2 for a, b in zip(x, y))) for x in A for y in B) / (len(A) * len(B))


def energy(X, Y):
    X, Y = M(X), M(Y)
    return 2 * mean_pairs(X, Y, mp.sqrt) - mean_pairs(X, X, mp.sqrt) - mean_pairs(Y, Y, mp.sqrt)


def mmd2(X, Y, sigma):
    X, Y, g = M(X), M(Y), 1 / (2 * mp.mpf(sigma) ** 2)
    k = lambda q: mp.exp(-g * q)
    return mean_pairs(X, X, k) + mean_pairs(Y, Y, k) - 2 * mean_pairs(X, Y, k)


gap_cases = []
for eps in [1e-2, 1e-4, 1e-6, 1e-7, 2e-8, 1e-14]:
    n, d = 6, 4
    X = unit_rows(n, d)
    Y = X + eps * rng.standard_normal((n, d))
    for XX, YY, what in [(X, Y, 'Y = X + noise'), (X, np.concatenate([X, Y]), 'Y = X ∪ (X + noise)')]:
        gap_cases.append({'what': f'{what}, ε = {eps}', 'X': XX.tolist(), 'Y': YY.tolist(), 'sigma': 1.0,
                          'centroidGap': S(centroid_gap(XX, YY)), 'energyDistance': S(energy(XX, YY)),
                          'mmd2': S(mmd2(XX, YY, 1.0))})


# ------------------------------------------------------------------ excess risk L(s) − L* near the optimum
def risk(s, p1, pp, pn, tau):
    t, tau = mp.mpf(0), mp.mpf(tau)
    for x in range(len(p1)):
        lse = tau * mp.log(mp.fsum(mp.mpf(pn[x][y]) * mp.exp(mp.mpf(s[x][y]) / tau) for y in range(len(s[x]))))
        t += mp.mpf(p1[x]) * (lse - mp.fsum(mp.mpf(pp[x][y]) * mp.mpf(s[x][y]) for y in range(len(s[x]))))
    return t


def optimal_risk(p1, pp, pn, tau):
    return -mp.mpf(tau) * mp.fsum(mp.mpf(p1[x]) * kl(pp[x], pn[x]) for x in range(len(p1)))


excess_cases = []
for i, eps in enumerate([1e-1, 1e-3, 1e-5, 1e-6, 1e-7, 3e-8]):
    kx, ky, tau = 1 + i % 2, 2 + i % 3, [1.0, 0.1, 0.5][i % 3]
    p1 = rng.dirichlet([2.0] * kx)
    pp = [rng.dirichlet([2.0] * ky) for _ in range(kx)]
    pn = [rng.dirichlet([2.0] * ky) for _ in range(kx)]
    # s = s* + c(x) + a perturbation of relative size eps: the excess is about eps²/2 in units of τ
    s = [(tau * np.log(pp[x] / pn[x]) + rng.standard_normal() + eps * tau * rng.standard_normal(ky)).tolist()
         for x in range(kx)]
    p1, pp, pn = p1.tolist(), [r.tolist() for r in pp], [r.tolist() for r in pn]
    excess_cases.append({'p1': p1, 'pPos': pp, 'pNeg': pn, 's': s, 'tau': tau,
                         'excess': S(risk(s, p1, pp, pn, tau) - optimal_risk(p1, pp, pn, tau))})

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as fh:
    json.dump({'meta': {'what': 'values near zero from their textbook formulas in mpmath (250 digits): SupCon, '
                                'normalized InfoNCE, KL, KL + KL, centroid gap, energy distance, MMD², excess risk; '
                                'decimal strings',
                        'versions': {'numpy': np.__version__, 'mpmath': mp.__version__, 'python': sys.version.split()[0]}},
               'cases': [], 'supcon': supcon_cases, 'infonceNormalized': infonce_cases, 'kl': kl_cases,
               'gaps': gap_cases, 'excess': excess_cases}, fh, separators=(',', ':'))
    fh.write('\n')
for name, cs, key in [('supcon', supcon_cases, 'loss'), ('infonce', infonce_cases, 'loss'), ('kl', kl_cases, 'kl'),
                      ('sym', kl_cases, 'symmetricSum'), ('gap', gap_cases, 'centroidGap'),
                      ('energy', gap_cases, 'energyDistance'), ('mmd2', gap_cases, 'mmd2'),
                      ('excess', excess_cases, 'excess')]:
    print(name, [mp.nstr(mp.mpf(c[key]), 3) for c in cs])
