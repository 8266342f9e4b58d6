#!/usr/bin/python3
"""Golden values for the S¹ toy's identity-encoder baseline (issue 11 item 5), written from the formulas.

Run with Debian's Python (apt-get install python3-mpmath python3-numpy python3-scipy):
    /usr/bin/python3 scripts/make_oracle_toy_baseline.py      # writes fixtures/oracle/toy_baseline.json

The toy (paper 2's numerical_val/modality_gap code): latent θ ~ 0.7·vM(0, 6) + 0.3·vM(π, 6); the partner angle is
θ + ε with ε the misalignment noise (wrapped normal N(0, σ²) as in the code, or von Mises vM(0, κ)); features are
(cos, sin) of the angle plus 0.02·N(0, I₂); the code's metric bins the feature angles into 60 equal bins on [−π, π).
The population value of that metric is the symmetric KL of the two laws' bin probabilities.

Method, independent of the project's TypeScript:
- every law is symmetric about 0, so its density is (1/2π)(1 + 2 Σ_k c_k cos kt) with c_k = E cos(kt); each c_k is
  computed by mpmath quadrature of the law's own density (von Mises e^{κ cos t}/(2π I₀(κ)); the normal density on
  the line for the wrapped normal, since wrapping keeps E cos(kε); the angle of (1, 0) + s·N(0, I₂) by its
  projected-normal density
  f(t) = (1/2π)[e^{−r²/2} + r cos t √(2π) Φ(r cos t) e^{−r² sin²t/2}], r = 1/s);
- the angle of a sum of independent angles has the product of the coefficients;
- a bin's probability is the integral of the series: (b − a)/2π + (1/π) Σ_k c_k (sin kb − sin ka)/k;
- a Monte Carlo check with numpy (10⁷ draws per law, numpy's own von Mises sampler) must agree with every bin
  probability to 6 standard errors; the script stops if it does not.
Encoded cases (a linear encoder v ↦ v·W before the angle, W row-major 2×2): the bin edges are pulled back by
root-finding the angle t where v = (cos t, sin t) is sent in the edge's direction (cross product 0, dot > 0), and
each bin's probability is the quadrature of the angle density over the preimage arc.
"""
import json, math, os, sys
import numpy as np
import mpmath as mp
import scipy

mp.mp.dps = 30
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle')
BINS, K, FEATURE_NOISE = 60, 64, 0.02
MIX_WEIGHT, MIX_KAPPA = mp.mpf('0.7'), 6


def coefficients(density, breaks):
    """c_k = ∫ density(t) cos(kt) dt over [−π, π], k = 0..K (breakpoints where the density is sharp)."""
    pts = [-mp.pi] + [mp.mpf(b) for b in breaks] + [mp.pi]
    return [mp.quad(lambda t: density(t) * mp.cos(k * t), pts, maxdegree=10) for k in range(K + 1)]


def von_mises_density(kappa, mu=0):
    norm = 2 * mp.pi * mp.besseli(0, kappa)
    return lambda t: mp.exp(kappa * mp.cos(t - mu)) / norm


def normal_coefficients(sigma):
    """c_k = E cos(kε) for ε ~ N(0, σ²): wrapping ε onto the circle does not change E cos(kε) at integer k, so the
    quadrature runs over the real line (±14σ, where the density is below 1e−42)."""
    s = mp.mpf(sigma)
    return [mp.quad(lambda t: mp.npdf(t, 0, s) * mp.cos(k * t), mp.linspace(-14 * s, 14 * s, 8)) for k in range(K + 1)]


def projected_normal_density(s):
    r = 1 / mp.mpf(s)
    def f(t):
        c = r * mp.cos(t)
        return (mp.exp(-r * r / 2) + c * mp.sqrt(2 * mp.pi) * mp.ncdf(c) * mp.exp(-(r * mp.sin(t)) ** 2 / 2)) / (2 * mp.pi)
    return f


def data_density():
    a, b = von_mises_density(MIX_KAPPA, 0), von_mises_density(MIX_KAPPA, mp.pi)
    return lambda t: MIX_WEIGHT * a(t) + (1 - MIX_WEIGHT) * b(t)


def bin_probabilities(c):
    edges = [-mp.pi + 2 * mp.pi * b / BINS for b in range(BINS + 1)]
    out = []
    for b in range(BINS):
        lo, hi = edges[b], edges[b + 1]
        s = (hi - lo) / (2 * mp.pi)
        s += mp.fsum(c[k] * (mp.sin(k * hi) - mp.sin(k * lo)) / k for k in range(1, K + 1)) / mp.pi
        out.append(s)
    return out


def sym_kl_sum(p, q):
    """KL(p‖q) + KL(q‖p) = Σ (p − q) log(p/q)."""
    return mp.fsum((a - b) * mp.log(a / b) for a, b in zip(p, q))


print('coefficients of the data law, the feature noise …', file=sys.stderr)
c_data = coefficients(data_density(), [-0.5, 0, 0.5])
c_feat = coefficients(projected_normal_density(FEATURE_NOISE), [-0.3, -0.1, -0.02, 0, 0.02, 0.1, 0.3])
c_x = [a * b for a, b in zip(c_data, c_feat)]
p_x = bin_probabilities(c_x)
p_x_clean = bin_probabilities(c_data)


def noise_coefficients(law, param):
    if law == 'wrapped-normal':
        return [mp.mpf(1)] * (K + 1) if param == 0 else normal_coefficients(param)
    return coefficients(von_mises_density(param), [-0.1, 0, 0.1])


def monte_carlo_bins(rng, n, law, param, feature_noise):
    th = np.where(rng.random(n) < 0.7, rng.vonmises(0.0, MIX_KAPPA, n), rng.vonmises(math.pi, MIX_KAPPA, n))
    if law == 'wrapped-normal':
        th = th + param * rng.standard_normal(n)
    else:
        th = th + rng.vonmises(0.0, param, n)
    x, y = np.cos(th), np.sin(th)
    if feature_noise:
        x, y = x + feature_noise * rng.standard_normal(n), y + feature_noise * rng.standard_normal(n)
    a = np.arctan2(y, x)
    idx = np.minimum(BINS - 1, np.floor((a + np.pi) / (2 * np.pi / BINS)).astype(np.int64))
    return np.bincount(idx, minlength=BINS) / n


rng = np.random.default_rng(20260311)
MC = 10_000_000
cases = []
for law, param in [('wrapped-normal', 0), ('wrapped-normal', 0.35), ('wrapped-normal', 0.7), ('wrapped-normal', 1.0),
                   ('von-mises', 1 / 0.35 ** 2), ('von-mises', 1 / 0.7 ** 2), ('von-mises', 1.0)]:
    print(f'{law} {param:.6g} …', file=sys.stderr)
    c_eps = noise_coefficients(law, param)
    q_y = bin_probabilities([a * b * e for a, b, e in zip(c_data, c_feat, c_eps)])
    q_clean = bin_probabilities([a * e for a, e in zip(c_data, c_eps)])
    kl_sum = sym_kl_sum(p_x, q_y)
    mc = monte_carlo_bins(rng, MC, law, param, FEATURE_NOISE)
    z = max(abs(float(q) - m) / math.sqrt(max(float(q) * (1 - float(q)), 1e-300) / MC) for q, m in zip(q_y, mc))
    if z > 6:
        sys.exit(f'{law} {param}: Monte Carlo bin frequencies disagree with the series ({z:.2f} standard errors)')
    cases.append({
        'law': law, 'param': param,
        'klSum': float(kl_sum), 'klHalf': float(kl_sum / 2),
        'klSumWithoutFeatureNoise': float(sym_kl_sum(p_x_clean, q_clean)),
        'binsY': [float(v) for v in q_y],
        'monteCarloWorstZ': z,
    })
    print(f'  KL+KL = {float(kl_sum):.12g}  (Monte Carlo worst bin {z:.2f} se)', file=sys.stderr)

def density_from(c):
    return lambda t: (1 + 2 * mp.fsum(c[k] * mp.cos(k * t) for k in range(1, K + 1))) / (2 * mp.pi)


def encoded_bins(c, W):
    """Bin probabilities of the angle of v·W, v's angle with coefficients c (c[0] = 1)."""
    w00, w01, w10, w11 = [mp.mpf(v) for v in W]
    f = density_from(c)
    def cross(t, phi):
        h0, h1 = mp.cos(t) * w00 + mp.sin(t) * w10, mp.cos(t) * w01 + mp.sin(t) * w11
        return mp.cos(phi) * h1 - mp.sin(phi) * h0, mp.cos(phi) * h0 + mp.sin(phi) * h1
    # a full turn of brackets starting off every dyadic angle, so no root sits on a bracket's end
    grid = [-mp.pi + mp.mpf('0.0123') + 2 * mp.pi * j / 720 for j in range(721)]
    def preimage(phi):
        for a, b in zip(grid, grid[1:]):
            ca, da = cross(a, phi)
            cb, db = cross(b, phi)
            if ca * cb <= 0 and da + db > 0:
                return mp.findroot(lambda t: cross(t, phi)[0], (a, b), solver='anderson')
        raise RuntimeError('no preimage')
    edges = [preimage(-mp.pi + 2 * mp.pi * b / BINS) for b in range(BINS + 1)]
    det = w00 * w11 - w01 * w10
    out = []
    for b in range(BINS):
        lo, hi = (edges[b], edges[b + 1]) if det > 0 else (edges[b + 1], edges[b])
        while hi < lo:
            hi += 2 * mp.pi
        out.append(mp.quad(f, [lo, hi]))
    return out


encoded_cases = []
c_one = [mp.mpf(1)]
for W1, W2, sigma in [([1, 0.5, -0.25, 1], [0.75, -0.5, 0.5, 1], 0.7),
                      ([1, 0, 0, -1], [0, 1, 1, 0], 0.35),
                      ([1, 2, 0.5, 1.0625], [1, 0, 0, 1], 0)]:
    print(f'encoded {W1} {W2} σ = {sigma} …', file=sys.stderr)
    c_y = [a * b * e for a, b, e in zip(c_data, c_feat, noise_coefficients('wrapped-normal', sigma))]
    p = encoded_bins(c_x, W1)
    q = encoded_bins(c_y, W2)
    total = max(abs(mp.fsum(p) - 1), abs(mp.fsum(q) - 1))
    if total > mp.mpf('1e-20'):
        sys.exit(f'encoded bins do not sum to 1 (off by {total})')
    encoded_cases.append({'W1': W1, 'W2': W2, 'sigma': sigma, 'klSum': float(sym_kl_sum(p, q)),
                          'binsX': [float(v) for v in p], 'binsY': [float(v) for v in q]})
    print(f'  KL+KL = {float(sym_kl_sum(p, q)):.12g}', file=sys.stderr)

meta = {
    'what': 'population value of the S¹ toy identity baseline: 60-bin symmetric KL of the feature-angle laws, '
            'x-angle = θ + feature-noise angle, y-angle = θ + ε + feature-noise angle; θ ~ 0.7 vM(0,6) + 0.3 vM(π,6), '
            'feature noise 0.02·N(0, I₂), ε wrapped normal (param = σ) or von Mises (param = κ); klSum = KL+KL, '
            'klHalf = ½(KL+KL); binsY are the y-angle bin probabilities (bin b = [−π + 2πb/60, −π + 2π(b+1)/60))',
    'binsX': [float(v) for v in p_x],
    'featureNoiseCoefficients': [float(v) for v in c_feat[:11]],
    'dataCoefficients': [float(v) for v in c_data[:11]],
    'encoded': encoded_cases,
    'versions': {'numpy': np.__version__, 'scipy': scipy.__version__, 'mpmath': mp.__version__, 'python': sys.version.split()[0]},
}
os.makedirs(OUT, exist_ok=True)
path = os.path.join(OUT, 'toy_baseline.json')
with open(path, 'w') as fh:
    json.dump({'meta': meta, 'cases': cases}, fh, indent=None, separators=(',', ':'))
    fh.write('\n')
print(f'{path}: {len(cases)} cases')
