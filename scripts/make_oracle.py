#!/usr/bin/python3
"""Golden values for crl-verify's float64 kernels, from an implementation nobody here wrote.

Run with Debian's Python (apt-get install python3-numpy python3-torch python3-scipy python3-mpmath):
    /usr/bin/python3 scripts/make_oracle.py            # writes fixtures/oracle/*.json

Oracles: mpmath at 50 significant digits for every loss value and special function (so the log1p
regime near a zero loss is resolved), torch float64 autograd for gradients, the reference code's
own formulas (OpenCLIP ClipLoss, SupContrast SupConLoss at HEAD, Wang & Isola align/uniform,
OpenCLIP SigLipLoss) written out in torch, scipy.special for the scaled Bessel function.
Inputs are drawn with numpy's PCG64 at fixed seeds and written into the files.
"""
import json, math, os, sys
import numpy as np
import torch
import mpmath as mp
import scipy.special as sps

mp.mp.dps = 50
torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle')
rng = np.random.default_rng(20261128)


def sphere(n, d):
    x = rng.standard_normal((n, d))
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def near(x, noise):
    y = x + noise * rng.standard_normal(x.shape)
    return y / np.linalg.norm(y, axis=1, keepdims=True)


def mpm(a):
    return [[mp.mpf(float(v)) for v in row] for row in a]


def mp_lse(vals):
    m = max(vals)
    return m + mp.log(mp.fsum(mp.exp(v - m) for v in vals))


def f(x):
    return float(x)


def write(name, meta, cases):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, 'w') as fh:
        json.dump({'meta': meta, 'cases': cases}, fh, indent=None, separators=(',', ':'))
        fh.write('\n')
    print(f'{path}: {len(cases)} cases')


VERSIONS = {'numpy': np.__version__, 'torch': torch.__version__, 'mpmath': mp.__version__,
            'scipy': __import__('scipy').__version__, 'python': sys.version.split()[0]}


# ---------------------------------------------------------------- CLIP (OpenCLIP ClipLoss semantics)
def clip_torch(X, Y, tau):
    x = torch.tensor(X, dtype=torch.float64, requires_grad=True)
    y = torch.tensor(Y, dtype=torch.float64, requires_grad=True)
    logits = (x @ y.T) / tau
    labels = torch.arange(x.shape[0])
    loss = (torch.nn.functional.cross_entropy(logits, labels) + torch.nn.functional.cross_entropy(logits.T, labels)) / 2
    loss.backward()
    return float(loss), x.grad.numpy().tolist(), y.grad.numpy().tolist()


def clip_mp(X, Y, tau):
    n = len(X)
    Xm, Ym, t = mpm(X), mpm(Y), mp.mpf(tau)
    S = [[mp.fsum(a * b for a, b in zip(Xm[i], Ym[j])) / t for j in range(n)] for i in range(n)]
    lr = [mp_lse(S[i]) for i in range(n)]
    lc = [mp_lse([S[i][j] for i in range(n)]) for j in range(n)]
    loss = (mp.fsum(lr) + mp.fsum(lc)) / (2 * n) - mp.fsum(S[i][i] for i in range(n)) / n
    G = [[(mp.exp(S[i][j] - lr[i]) + mp.exp(S[i][j] - lc[j])) / (2 * n) - (mp.mpf(1) / n if i == j else 0)
          for j in range(n)] for i in range(n)]
    d = len(X[0])
    gx = [[f(mp.fsum(G[i][j] * Ym[j][k] for j in range(n)) / t) for k in range(d)] for i in range(n)]
    gy = [[f(mp.fsum(G[i][j] * Xm[i][k] for i in range(n)) / t) for k in range(d)] for j in range(n)]
    return f(loss), gx, gy


clip_cases = []
for (n, d, tau, kind) in [(1, 3, 0.07, 'random'), (2, 2, 0.5, 'random'), (2, 1, 1.0, 'random'), (3, 3, 0.02, 'random'),
                          (8, 2, 0.07, 'random'), (8, 16, 0.02, 'aligned'), (8, 16, 0.02, 'near'), (17, 4, 1.0, 'random'),
                          (17, 8, 0.1, 'near'), (33, 16, 0.07, 'random'), (33, 3, 2.0, 'random'), (5, 5, 0.02, 'random'),
                          (4, 3, 0.001, 'random'), (6, 2, 0.002, 'near'), (5, 3, 0.002, 'aligned')]:
    X = sphere(n, d)
    Y = X.copy() if kind == 'aligned' else near(X, 0.05) if kind == 'near' else sphere(n, d)
    loss, gx, gy = clip_mp(X, Y, tau)
    tl, tgx, tgy = clip_torch(X, Y, tau)
    clip_cases.append({'n': n, 'd': d, 'tau': tau, 'kind': kind, 'X': X.tolist(), 'Y': Y.tolist(),
                       'loss': loss, 'gradX': gx, 'gradY': gy, 'torch': {'loss': tl, 'gradX': tgx, 'gradY': tgy}})
write('clip.json', {'what': 'symmetric CLIP loss, OpenCLIP ClipLoss semantics; loss and gradients in mpmath (50 digits), torch float64 autograd alongside', 'versions': VERSIONS}, clip_cases)


# ---------------------------------------------------------------- InfoNCE with m negatives
def infonce_mp(A, P, Nn, m, tau, form, shared):
    """Loss, per-anchor terms and gradients in 50-digit arithmetic (textbook softmax weights)."""
    n, d = len(A), len(A[0])
    Am, Pm, Nm, t = mpm(A), mpm(P), mpm(Nn), mp.mpf(tau)
    per = []
    ga = [[mp.mpf(0)] * d for _ in range(n)]; gp = [[mp.mpf(0)] * d for _ in range(n)]; gn = [[mp.mpf(0)] * d for _ in range(len(Nn))]
    for i in range(n):
        base = 0 if shared else i * m
        sp = mp.fsum(a * b for a, b in zip(Am[i], Pm[i])) / t
        negs = [mp.fsum(a * b for a, b in zip(Am[i], Nm[base + j])) / t for j in range(m)]
        if form == 'normalized':
            lse = mp_lse(negs); per.append(lse - mp.log(m) - sp)
        else:
            lse = mp_lse([sp] + negs); per.append(lse - sp)
        w = [mp.exp(s - lse) for s in negs]          # d loss_i / d (s_j/tau)
        wp = (mp.exp(sp - lse) if form != 'normalized' else 0) - 1   # d loss_i / d (s+/tau)
        for k in range(d):
            ga[i][k] += (mp.fsum(w[j] * Nm[base + j][k] for j in range(m)) + wp * Pm[i][k]) / (t * n)
            gp[i][k] += wp * Am[i][k] / (t * n)
            for j in range(m):
                gn[base + j][k] += w[j] * Am[i][k] / (t * n)
    fl = lambda G: [[f(v) for v in r] for r in G]
    return f(mp.fsum(per) / n), [f(v) for v in per], fl(ga), fl(gp), fl(gn)


def infonce_torch(A, P, Nn, m, tau, form, shared):
    a = torch.tensor(A, requires_grad=True); p = torch.tensor(P, requires_grad=True); ng = torch.tensor(Nn, requires_grad=True)
    n, d = a.shape
    negs = ng.unsqueeze(0).expand(n, m, d) if shared else ng.view(n, m, d)
    sp = (a * p).sum(1) / tau
    sn = torch.einsum('nd,nmd->nm', a, negs) / tau
    if form == 'normalized':
        per = torch.logsumexp(sn, 1) - math.log(m) - sp
    else:
        per = torch.logsumexp(torch.cat([sp[:, None], sn], 1), 1) - sp
    loss = per.mean()
    loss.backward()
    return a.grad.numpy().tolist(), p.grad.numpy().tolist(), ng.grad.numpy().tolist()


infonce_cases = []
for (n, m, d, tau, form, shared) in [(1, 1, 2, 0.07, 'positive-in-denominator', False), (1, 1, 2, 0.07, 'normalized', False),
                                      (4, 3, 3, 0.02, 'positive-in-denominator', False), (4, 3, 3, 0.02, 'normalized', False),
                                      (6, 5, 8, 0.5, 'positive-in-denominator', True), (6, 5, 8, 0.5, 'normalized', True),
                                      (3, 16, 2, 1.0, 'normalized', False), (5, 2, 16, 0.1, 'positive-in-denominator', False)]:
    A = sphere(n, d); P = near(A, 0.3); Nn = sphere(m if shared else n * m, d)
    loss, per, ga, gp, gn = infonce_mp(A.tolist(), P.tolist(), Nn.tolist(), m, tau, form, shared)
    ta, tp, tn = infonce_torch(A, P, Nn, m, tau, form, shared)
    infonce_cases.append({'n': n, 'm': m, 'd': d, 'tau': tau, 'form': form, 'shared': shared,
                          'anchors': A.tolist(), 'positives': P.tolist(), 'negatives': Nn.tolist(),
                          'loss': loss, 'perAnchor': per, 'gradAnchors': ga, 'gradPositives': gp, 'gradNegatives': gn,
                          'torch': {'gradAnchors': ta, 'gradPositives': tp, 'gradNegatives': tn}})
write('infonce.json', {'what': 'InfoNCE with m negatives per anchor (or m shared); loss and gradients in mpmath (50 digits), torch float64 autograd alongside', 'versions': VERSIONS}, infonce_cases)


# ---------------------------------------------------------------- SupCon (HobbitLong/SupContrast losses.py @ HEAD, float64)
def supcon_reference(features, labels=None, temperature=0.07, contrast_mode='all', base_temperature=0.07):
    device = features.device
    batch_size = features.shape[0]
    if labels is None:
        mask = torch.eye(batch_size, dtype=torch.float64).to(device)
    else:
        labels = labels.contiguous().view(-1, 1)
        mask = torch.eq(labels, labels.T).double().to(device)
    contrast_count = features.shape[1]
    contrast_feature = torch.cat(torch.unbind(features, dim=1), dim=0)
    if contrast_mode == 'one':
        anchor_feature = features[:, 0]; anchor_count = 1
    else:
        anchor_feature = contrast_feature; anchor_count = contrast_count
    anchor_dot_contrast = torch.div(torch.matmul(anchor_feature, contrast_feature.T), temperature)
    logits_max, _ = torch.max(anchor_dot_contrast, dim=1, keepdim=True)
    logits = anchor_dot_contrast - logits_max.detach()
    mask = mask.repeat(anchor_count, contrast_count)
    logits_mask = torch.scatter(torch.ones_like(mask), 1, torch.arange(batch_size * anchor_count).view(-1, 1).to(device), 0)
    mask = mask * logits_mask
    exp_logits = torch.exp(logits) * logits_mask
    log_prob = logits - torch.log(exp_logits.sum(1, keepdim=True))
    mask_pos_pairs = mask.sum(1)
    mask_pos_pairs = torch.where(mask_pos_pairs < 1e-6, 1, mask_pos_pairs)
    mean_log_prob_pos = (mask * log_prob).sum(1) / mask_pos_pairs
    loss = - (temperature / base_temperature) * mean_log_prob_pos
    return float(loss.view(anchor_count, batch_size).mean())


supcon_cases = []
for (b, v, d, tau, labels, mode) in [(4, 1, 3, 0.07, [0, 1, 1, 2], 'all'), (4, 2, 3, 0.1, [0, 1, 1, 2], 'all'),
                                     (6, 2, 8, 0.5, None, 'all'), (6, 2, 8, 0.5, [0, 0, 1, 1, 2, 2], 'one'),
                                     (3, 3, 2, 0.07, [5, 5, 5], 'all'), (5, 2, 4, 1.0, [0, 1, 2, 3, 4], 'all')]:
    feats = np.stack([sphere(b, d) for _ in range(v)], axis=1)  # [b, v, d]
    lt = None if labels is None else torch.tensor(labels)
    loss = supcon_reference(torch.tensor(feats), lt, tau, mode)
    supcon_cases.append({'b': b, 'views': [feats[:, k, :].tolist() for k in range(v)], 'd': d, 'tau': tau,
                         'labels': labels, 'contrastMode': mode, 'loss': loss})
write('supcon.json', {'what': 'SupConLoss, reference code at HEAD (post-72fd989 semantics) in torch float64, base_temperature 0.07', 'versions': VERSIONS}, supcon_cases)


# ---------------------------------------------------------------- SigLIP, alignment, uniformity
misc = []
for (n, d, scale, bias) in [(1, 2, 10.0, -10.0), (4, 3, 10.0, -10.0), (9, 8, 1 / 0.07, -5.0)]:
    X = sphere(n, d); Y = near(X, 0.2)
    x = torch.tensor(X); y = torch.tensor(Y)
    logits = scale * x @ y.T + bias
    lab = 2 * torch.eye(n, dtype=torch.float64) - 1
    sig = float(-torch.nn.functional.logsigmoid(lab * logits).sum() / n)
    misc.append({'kind': 'siglip', 'X': X.tolist(), 'Y': Y.tolist(), 'scale': scale, 'bias': bias, 'value': sig})
for (n, d, alpha) in [(1, 2, 2.0), (5, 3, 2.0), (7, 8, 1.0), (7, 8, 3.0)]:
    X = sphere(n, d); Y = near(X, 0.3)
    val = float((torch.tensor(X) - torch.tensor(Y)).norm(p=2, dim=1).pow(alpha).mean())
    misc.append({'kind': 'alignment', 'X': X.tolist(), 'Y': Y.tolist(), 'alpha': alpha, 'value': val})
for (n, d, t) in [(2, 2, 2.0), (6, 3, 2.0), (11, 8, 1.0)]:
    X = sphere(n, d)
    val = float(torch.pdist(torch.tensor(X), p=2).pow(2).mul(-t).exp().mean().log())
    misc.append({'kind': 'uniformity', 'X': X.tolist(), 't': t, 'value': val})
write('losses_misc.json', {'what': 'SigLipLoss (OpenCLIP), Wang & Isola align_loss / uniform_loss, in torch float64', 'versions': VERSIONS}, misc)


# ---------------------------------------------------------------- modality-gap metrics (numpy)
def cdist(A, B):
    return np.sqrt(np.maximum(((A[:, None, :] - B[None, :, :]) ** 2).sum(-1), 0))


def recall(Q, C, k):
    S = Q @ C.T
    own = np.diag(S)
    better = (S >= own[:, None]).sum(1) - 1  # pessimistic ties, own entry excluded
    return float((better < k).mean())


def hist(a, bins=60, eps=1e-8):
    h, _ = np.histogram(a, bins=bins, range=(-np.pi, np.pi))
    h = h.astype(np.float64) + eps
    return h / h.sum()


def kl(p, q):
    return float(np.sum(p * np.log(p / q)))


gaps = []
for (n1, n2, d, shift) in [(1, 1, 2, 0.3), (5, 7, 3, 0.5), (16, 16, 8, 0.2), (20, 20, 2, 1.0)]:
    X = sphere(n1, d)
    off = np.zeros(d); off[0] = shift
    Y = near(sphere(n2, d) + off, 0.1)
    mx, my = X.mean(0), Y.mean(0)
    dxy, dxx, dyy = cdist(X, Y), cdist(X, X), cdist(Y, Y)
    med = float(np.median(dxy))
    sigma = med if med > 0 else 1.0
    k = lambda D: np.exp(-D ** 2 / (2 * sigma ** 2))
    case = {'X': X.tolist(), 'Y': Y.tolist(), 'centroidGap': float(np.linalg.norm(mx - my)),
            'centroidCosine': float(mx @ my / (np.linalg.norm(mx) * np.linalg.norm(my))),
            'energyDistance': float(2 * dxy.mean() - dxx.mean() - dyy.mean()), 'sigma': sigma,
            'mmd2': float(k(dxx).mean() + k(dyy).mean() - 2 * k(dxy).mean())}
    if n1 == n2:
        case['recall'] = {f'{dirn}@{kk}': recall(*(X, Y) if dirn == 'x-to-y' else (Y, X), kk)
                          for dirn in ('x-to-y', 'y-to-x') for kk in (1, 2, 5)}
    if d == 2:
        ax, ay = np.arctan2(X[:, 1], X[:, 0]), np.arctan2(Y[:, 1], Y[:, 0])
        p, q = hist(ax), hist(ay)
        case['histSymKlSum'] = kl(p, q) + kl(q, p)
    gaps.append(case)
write('gaps.json', {'what': 'centroid gap and cosine, energy distance and RBF MMD² (V-statistics), recall@K with pessimistic ties, 60-bin histogram sym-KL (sum convention, eps 1e-8), numpy float64', 'versions': VERSIONS}, gaps)


# ---------------------------------------------------------------- special functions (mpmath, 50 digits; scipy alongside)
special = []
for nu in [0, 0.5, 1, 1.5, 2, 4.5, 7, 15.5, 31, 63, 127.5]:
    for x in [1e-6, 0.01, 0.5, 1, 3, 14.285714285714286, 29.5, 30.5, 50, 100, 713, 1000, 1e4, 1e6]:
        lv = mp.log(mp.besseli(nu, x))
        special.append({'kind': 'besselI', 'nu': nu, 'x': x, 'logI': f(lv), 'scaled': f(mp.besseli(nu, x) * mp.exp(-x)),
                        'ratio': f(mp.besseli(nu + 1, x) / mp.besseli(nu, x)), 'scipyIve': float(sps.ive(nu, x))})


def log_area(d):
    return mp.log(2) + mp.mpf(d) / 2 * mp.log(mp.pi) - mp.loggamma(mp.mpf(d) / 2)


def log_c(d, k):
    if k == 0:
        return -log_area(d)
    nu = mp.mpf(d) / 2 - 1
    return nu * mp.log(k) - mp.mpf(d) / 2 * mp.log(2 * mp.pi) - mp.log(mp.besseli(nu, k))


for d in [2, 3, 4, 8, 16, 128, 256]:
    for tau in [0.02, 0.07, 0.5, 1.0, 2.0]:
        x = 1 / mp.mpf(tau)
        nu = mp.mpf(d) / 2 - 1
        lv = mp.mpf(d) / 2 * mp.log(2 * mp.pi) + nu * mp.log(tau) + mp.log(mp.besseli(nu, x))
        # independent check of the surface form by quadrature over the polar angle for small d
        if d <= 4:
            quad = mp.exp(log_area(d - 1)) * mp.quad(lambda th: mp.exp(mp.cos(th) / tau) * mp.sin(th) ** (d - 2), [0, mp.pi])
            assert abs(mp.log(quad) - lv) < mp.mpf(10) ** -30, (d, tau)
        special.append({'kind': 'partitionVolume', 'd': d, 'tau': tau, 'logSurface': f(lv), 'logProbability': f(lv - log_area(d))})
    for kappa in [0.0, 1e-3, 0.5, 2, 10, 100, 1e4]:
        k = mp.mpf(kappa)
        A = 0 if kappa == 0 else mp.besseli(mp.mpf(d) / 2, k) / mp.besseli(mp.mpf(d) / 2 - 1, k)
        special.append({'kind': 'meanResultantLength', 'd': d, 'kappa': kappa, 'value': f(A)})
for (d, kappa, tau) in [(2, 0.0, 0.5), (2, 3.0, 0.07), (3, 10.0, 0.5), (3, 0.0, 1.0), (8, 5.0, 0.2), (16, 50.0, 0.02), (128, 20.0, 0.1)]:
    mean = sphere(1, d)[0]; z = sphere(1, d)[0]
    v = [mp.mpf(kappa) * mp.mpf(float(a)) + mp.mpf(float(b)) / mp.mpf(tau) for a, b in zip(mean, z)]
    r = mp.sqrt(mp.fsum(t * t for t in v))
    special.append({'kind': 'vmfMgf', 'd': d, 'kappa': kappa, 'tau': tau, 'mean': mean.tolist(), 'z': z.tolist(),
                    'logMgf': f(log_c(d, mp.mpf(kappa)) - log_c(d, r))})
write('special.json', {'what': 'log I_nu, e^-x I_nu, I_{nu+1}/I_nu, log V_kappa(tau) (surface and probability measure; quadrature-checked for d<=4), A_d(kappa), log vMF MGF; mpmath 50 digits, scipy.special.ive alongside', 'versions': VERSIONS}, special)
