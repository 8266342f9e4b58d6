#!/usr/bin/python3
"""Golden values for the mutation tests of src/losses (issue 15): test/losses/mutants-*.test.ts.

    /usr/bin/python3 scripts/make_oracle_losses_mutants.py   # writes fixtures/oracle/losses_mutants.json

Every value is computed in mpmath at 60 significant digits from the loss formulas of docs/api.md, not from our code:
  CLIP      S = X Y^T / tau,  L = 1/2 [(1/N) sum_i (LSE_j S_ij - S_ii) + (1/N) sum_j (LSE_i S_ij - S_jj)]
  InfoNCE   delta_ij = (<a_i, n_ij> - <a_i, p_i>) / tau,
            'positive-in-denominator' l_i = log(1 + sum_j e^delta_ij),  'normalized' l_i = log((1/m) sum_j e^delta_ij),
            L = (1/n) sum_i l_i   (shared pool: n_ij = n_j)
  SupCon    z_ab = <c_a, c_b> / tau,  log_prob_ab = z_ab - log sum_{k != a} e^z_ak,
            L = -(tau / tau_base) mean_a [sum_{b != a, same label} log_prob_ab / max(|P(a)|, 1)]
  log sigma log sigma(x) = -log(1 + e^-x)
Gradients are mpmath numerical derivatives (mp.diff) of the loss above in each input coordinate; for CLIP they are
also checked here against the documented G = (P + Q)/(2N) - I/N, dX = G Y / tau, dY = G^T X / tau.
Inputs are dyadic (exact doubles), chosen by hand to reach the branches the first oracle never took (logit spreads
>= 700, exponent under/overflow in SupCon, normalized InfoNCE terms near 0) or drawn from numpy's PCG64 at a fixed
seed and rounded to multiples of 1/8. Values are written as 30-digit decimal strings (a test reads the nearest double).
"""
import json, os
import numpy as np
import mpmath as mp

mp.mp.dps = 60
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'losses_mutants.json')
rng = np.random.default_rng(20260415)


def S(v):
    return mp.nstr(v, 30)


def mpf_rows(rows):
    return [[mp.mpf(float(v)) for v in r] for r in rows]


def dyadic(n, d):
    """n x d entries in [-1, 1], multiples of 1/8 (exact doubles)."""
    return (np.round(rng.uniform(-1, 1, (n, d)) * 8) / 8).tolist()


def lse(vals):
    m = max(vals)
    return m + mp.log(mp.fsum(mp.exp(v - m) for v in vals))


def dotp(u, v):
    return mp.fsum(a * b for a, b in zip(u, v))


def num_grad(f, M):
    """d f / d M_ij for every entry of the nested list M (mpmath numerical derivative, in place)."""
    out = []
    for i in range(len(M)):
        row = []
        for k in range(len(M[i])):
            x0 = M[i][k]

            def g(t, i=i, k=k):
                M[i][k] = t
                return f()

            row.append(mp.diff(g, x0))
            M[i][k] = x0
        out.append(row)
    return out


def flat_str(G):
    return [[S(v) for v in r] for r in G]


# ---------------------------------------------------------------- CLIP
def clip_loss(X, Y, tau):
    n = len(X)
    Sm = [[dotp(X[i], Y[j]) / tau for j in range(n)] for i in range(n)]
    rows = mp.fsum(lse(Sm[i]) - Sm[i][i] for i in range(n))
    cols = mp.fsum(lse([Sm[i][j] for i in range(n)]) - Sm[j][j] for j in range(n))
    return (rows + cols) / (2 * n)


def clip_documented_grad(X, Y, tau):
    n, d = len(X), len(X[0])
    Sm = [[dotp(X[i], Y[j]) / tau for j in range(n)] for i in range(n)]
    lr = [lse(Sm[i]) for i in range(n)]
    lc = [lse([Sm[i][j] for i in range(n)]) for j in range(n)]
    G = [[(mp.exp(Sm[i][j] - lr[i]) + mp.exp(Sm[i][j] - lc[j])) / (2 * n) - (mp.mpf(1) / n if i == j else 0)
          for j in range(n)] for i in range(n)]
    dX = [[mp.fsum(G[i][j] * Y[j][k] for j in range(n)) / tau for k in range(d)] for i in range(n)]
    dY = [[mp.fsum(G[i][j] * X[i][k] for i in range(n)) / tau for k in range(d)] for j in range(n)]
    return dX, dY


def clip_case(name, Xr, Yr, tau):
    X, Y, t = mpf_rows(Xr), mpf_rows(Yr), mp.mpf(tau)
    loss = clip_loss(X, Y, t)
    gX = num_grad(lambda: clip_loss(X, Y, t), X)
    gY = num_grad(lambda: clip_loss(X, Y, t), Y)
    dX, dY = clip_documented_grad(X, Y, t)
    scale = max(abs(v) for r in dX + dY for v in r) + 1
    err = max(abs(a - b) for A, B in ((gX, dX), (gY, dY)) for ra, rb in zip(A, B) for a, b in zip(ra, rb))
    assert err < mp.mpf(10) ** -30 * scale, (name, err)
    return {'name': name, 'X': Xr, 'Y': Yr, 'tau': tau, 'loss': S(loss), 'gradX': flat_str(gX), 'gradY': flat_str(gY)}


def logits_case(name, Sr):
    """X = I, Y = S^T, tau = 1: the logit matrix X Y^T / tau is S itself."""
    n = len(Sr)
    I = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    Yr = [[Sr[i][j] for i in range(n)] for j in range(n)]
    return clip_case(name, I, Yr, 1.0)


clip = [
    # spread >= 700 takes the per-row/column shifts; each case reaches one branch of them
    logits_case('max off the last entry (S_00 = 800)', [[800.0, 0.0], [0.0, 0.0]]),
    logits_case('next row first entry far above this row (S_10 = 800)', [[0.0, 0.0], [800.0, 0.0]]),
    logits_case('row shift 800 (S_01 = 800)', [[0.0, 800.0], [0.0, 0.0]]),
    logits_case('row shift 1 with spread 801 (S_01 = 1, S_10 = -800)', [[0.0, 1.0], [-800.0, 0.0]]),
]
# batches of the reuse sequences (module workspace and caller workspace): sizes change one at a time
reuse = [
    clip_case('3x2 a', dyadic(3, 2), dyadic(3, 2), 0.5),
    clip_case('3x2 b', dyadic(3, 2), dyadic(3, 2), 0.5),
    clip_case('2x2', dyadic(2, 2), dyadic(2, 2), 0.5),
    clip_case('2x3', dyadic(2, 3), dyadic(2, 3), 0.5),
    clip_case('3x9 (blocked gradient products)', dyadic(3, 9), dyadic(3, 9), 0.5),
]


# ---------------------------------------------------------------- InfoNCE
def nce_terms(A, P, N, m, tau, form, shared):
    out = []
    for i in range(len(A)):
        sp = dotp(A[i], P[i])
        negs = [N[j] if shared else N[i * m + j] for j in range(m)]
        delta = [(dotp(A[i], v) - sp) / tau for v in negs]
        if form == 'normalized':
            out.append(lse(delta) - mp.log(m))
        else:
            out.append(lse([mp.mpf(0)] + delta))
    return out


def nce_case(name, Ar, Pr, Nr, m, tau, form, shared):
    A, P, N, t = mpf_rows(Ar), mpf_rows(Pr), mpf_rows(Nr), mp.mpf(tau)
    f = lambda: mp.fsum(nce_terms(A, P, N, m, t, form, shared)) / len(A)
    per = nce_terms(A, P, N, m, t, form, shared)
    return {'name': name, 'anchors': Ar, 'positives': Pr, 'negatives': Nr, 'm': m, 'tau': tau, 'form': form,
            'shared': shared, 'loss': S(mp.fsum(per) / len(A)), 'perAnchor': [S(v) for v in per],
            'gradAnchors': flat_str(num_grad(f, A)), 'gradPositives': flat_str(num_grad(f, P)),
            'gradNegatives': flat_str(num_grad(f, N))}


def shared_case(n, m, d):
    return nce_case(f'shared n={n} m={m} d={d}', dyadic(n, d), dyadic(n, d), dyadic(m, d), m, 0.5,
                    'positive-in-denominator', True)


infonce = [
    # the shared-pool scratch sequence: (n, m, d) change one at a time, then back
    shared_case(2, 2, 2), shared_case(3, 2, 2), shared_case(3, 3, 2), shared_case(3, 3, 3), shared_case(2, 2, 2),
    # per-anchor layout, called without `form` (the default is 'positive-in-denominator')
    nce_case('default form', dyadic(2, 3), dyadic(2, 3), dyadic(4, 3), 2, 0.25, 'positive-in-denominator', False),
    # normalized terms near 0, every delta of one sign (no cancellation: the value is well conditioned in the deltas,
    # which are exact: <a, n> - <a, p> with a = e_1 or e_2, p = 0, n = the delta on both coordinates)
    nce_case('normalized, delta = (2^-40, 2^-41)', [[1.0, 0.0]], [[0.0, 0.0]],
             [[2.0**-40, 2.0**-40], [2.0**-41, 2.0**-41]], 2, 1.0, 'normalized', False),
    nce_case('normalized, delta = (2^-60, 2^-61, 2^-62), shared', [[1.0, 0.0], [0.0, 1.0]], [[0.0, 0.0], [0.0, 0.0]],
             [[2.0**-60, 2.0**-60], [2.0**-61, 2.0**-61], [2.0**-62, 2.0**-62]], 3, 1.0, 'normalized', True),
    nce_case('normalized, delta = (-2^-30, -2^-31)', [[1.0, 0.0]], [[0.0, 0.0]],
             [[-2.0**-30, -2.0**-30], [-2.0**-31, -2.0**-31]], 2, 1.0, 'normalized', False),
]


# ---------------------------------------------------------------- SupCon
def supcon(views, labels, tau, base_tau, mode):
    B, V = len(views[0]), len(views)
    rows = [mpf_rows(v)[i] for v in views for i in range(B)]
    lab = lambda r: labels[r % B] if labels is not None else r % B
    total = V * B
    anchors = total if mode == 'all' else B
    t = mp.mpf(tau)
    acc = []
    for a in range(anchors):
        z = [dotp(rows[a], rows[b]) / t for b in range(total)]
        log_den = lse([z[k] for k in range(total) if k != a])
        pos = [z[b] - log_den for b in range(total) if b != a and lab(b) == lab(a)]
        acc.append(mp.fsum(pos) / max(len(pos), 1))
    return -(t / mp.mpf(base_tau)) * mp.fsum(acc) / anchors


def supcon_case(name, views, labels, tau, base_tau, mode='all'):
    return {'name': name, 'views': views, 'labels': labels, 'tau': tau, 'baseTau': base_tau, 'contrastMode': mode,
            'loss': S(supcon(views, labels, tau, base_tau, mode))}


t10 = 2.0**-10
supcon_cases = [
    # tau = 2^-10: logits +-1024 and 0. Anchor 0's positive c2 has e^{z - max} = e^-2048 (underflows to 0); anchor 3's
    # own logit (1024) is far above its others (0), so a shift that took it in would underflow every other term.
    supcon_case('logits +-1024, underflowing positive', [[[1.0, 0.0], [1.0, 0.0], [-1.0, 0.0], [0.0, 1.0]]],
                [0, 1, 0, 1], t10, t10),
    supcon_case('logits +-1024, two views', [[[1.0, 0.0], [0.0, 1.0]], [[-1.0, 0.0], [1.0, 0.0]]], None, t10, 0.07),
    # tau = 2^-6: -log_prob = log1p(e^-64) ~ 1.6e-28 for anchors 0 and 1 (anchor 2 has no positive)
    supcon_case('loss ~ 1e-28', [[[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]], [0, 0, 1], 2.0**-6, 2.0**-6),
    supcon_case('loss ~ 1e-14, mode one', [[[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]]], None, 2.0**-5,
                0.07, 'one'),
]

# ---------------------------------------------------------------- log sigma
log_sigmoid = [{'x': x, 'value': S(-mp.log1p(mp.exp(-mp.mpf(x))))} for x in
               (-1000.0, -40.0, -1.0, -2.0**-30, 0.0, 2.0**-30, 1.0, 40.0, 1000.0)]

out = {
    'meta': {'what': 'golden values for test/losses/mutants-*.test.ts from the loss formulas of docs/api.md in mpmath '
                     '(60 digits), gradients by mp.diff; decimal strings',
             'versions': {'mpmath': mp.__version__, 'numpy': np.__version__}},
    'clip': clip,
    'clipReuse': reuse,
    'infonce': infonce,
    'supcon': supcon_cases,
    'logSigmoid': log_sigmoid,
}
with open(OUT, 'w') as f:
    json.dump(out, f, indent=None, separators=(',', ':'))
    f.write('\n')
print('wrote', OUT, {k: len(v) for k, v in out.items() if isinstance(v, list)})
