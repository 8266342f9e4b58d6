#!/usr/bin/python3
"""Golden values for src/theory/geometry (paper 2's intrinsic functionals, S¹ smoothing, large-batch limits).

Run with Debian's Python (apt-get install python3-mpmath):
    /usr/bin/python3 scripts/make_oracle_geometry.py     # writes fixtures/oracle/geometry.json

Written from the formulas of docs/claims.md (paper 2: P1, P2, P3, P8, P9, P10, P11, P13) and docs/api.md
("Paper 2: geometry"), in mpmath at 50 digits, with no log-sum-exp or scaling tricks (mpmath's exponent range is
unbounded). Inputs are float64 numbers written into the file; every expected value is computed from exactly those
float64 inputs. Independent cross-checks run here before anything is written (the script stops on a mismatch):
  - ∇ log Γ(z) by numerical differentiation (mp.diff) of the closed-form log Γ, against the JSDoc formula
    Σ_k w_k A_d(r_k)(κ_k m_k + z/τ)/(τ r_k);
  - on S¹ (d = 2), Γ(z) by quadrature over the circle against the Bessel closed form;
  - on S¹, the rectangle rule of a trigonometric density against mp.quad of the same integral.
Inputs are hand-picked small numbers, non-uniform and non-symmetric, so that a swapped argument, a dropped ½, a
sign, a μ-weight left out or a wrong index changes the value; edge cases: one atom (K = 1), equal densities, τ small
and large, κ = 0, κ near zero and large κ, r = ‖κm + z/τ‖ = 0, zero cells in a pair law.
"""
import json, os, platform
import mpmath as mp

mp.mp.dps = 50
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'geometry.json')


def F(x):
    """An mpf from a float64 input (exact)."""
    return mp.mpf(float(x))


def out(v):
    return float(v)


def vec(v):
    return [float(x) for x in v]


# ---------------------------------------------------------------- finite measure space (P3, P8, P10)
# Densities w.r.t. μ: ρ_k > 0, Σ ρ_k μ_k = 1.


def density_from(w, mu):
    """ρ ∝ w w.r.t. μ, rounded to float64: ρ_k = w_k / Σ w μ."""
    mass = mp.fsum(F(a) * F(m) for a, m in zip(w, mu))
    return [F(a) / mass for a in w]


def integral(f, mu):
    return mp.fsum(F(a) * F(m) for a, m in zip(f, mu))


def kl(r, s, mu):
    """KL_μ(ρ ‖ σ) = Σ ρ log(ρ/σ) μ."""
    return mp.fsum(F(a) * mp.log(F(a) / F(b)) * F(m) for a, b, m in zip(r, s, mu))


def entropy(r, mu):
    return -mp.fsum(F(a) * mp.log(F(a)) * F(m) for a, m in zip(r, mu))


def free_energy(r, U, tau, mu):
    """F_{τ,U}(ρ) = (1/τ) Σ U ρ μ + Σ ρ log ρ μ."""
    return mp.fsum(F(u) * F(a) * F(m) for u, a, m in zip(U, r, mu)) / F(tau) - entropy(r, mu)


def partition(U, tau, mu):
    """Z_τ = Σ e^{−U/τ} μ."""
    return mp.fsum(mp.exp(-F(u) / F(tau)) * F(m) for u, m in zip(U, mu))


def gibbs(U, tau, mu):
    Z = partition(U, tau, mu)
    return [mp.exp(-F(u) / F(tau)) / Z for u in U]


def multimodal(r1, r2, U12, U21, tau, mu):
    """G(ρ₁,ρ₂) = ½[(1/τ)ΣU₁₂ρ₁μ + Σρ₁ log ρ₂ μ + (1/τ)ΣU₂₁ρ₂μ + Σρ₂ log ρ₁ μ] (docs/claims.md P8)."""
    t = F(tau)
    a = mp.fsum(F(u) * F(x) * F(m) for u, x, m in zip(U12, r1, mu)) / t
    b = mp.fsum(F(x) * mp.log(F(y)) * F(m) for x, y, m in zip(r1, r2, mu))
    c = mp.fsum(F(u) * F(y) * F(m) for u, y, m in zip(U21, r2, mu)) / t
    e = mp.fsum(F(y) * mp.log(F(x)) * F(m) for x, y, m in zip(r1, r2, mu))
    return (a + b + c + e) / 2


def variations(r1, r2, U12, U21, tau):
    """g₁ = ½(U₁₂/τ + log ρ₂ + ρ₂/ρ₁), g₂ = ½(U₂₁/τ + log ρ₁ + ρ₁/ρ₂) (docs/claims.md P10)."""
    t = F(tau)
    g1 = [(F(u) / t + mp.log(F(y)) + F(y) / F(x)) / 2 for u, x, y in zip(U12, r1, r2)]
    g2 = [(F(u) / t + mp.log(F(x)) + F(x) / F(y)) / 2 for u, x, y in zip(U21, r1, r2)]
    return g1, g2


def finite_case(name, mu, tau, U, U12, U21, w1, w2, f, in_set):
    rho1 = vec(density_from(w1, mu))
    rho2 = vec(density_from(w2, mu))
    g1, g2 = variations(rho1, rho2, U12, U21, tau)
    star = gibbs(U, tau, mu)
    return {
        'name': name, 'mu': mu, 'tau': tau, 'U': U, 'U12': U12, 'U21': U21,
        'w1': w1, 'w2': w2, 'rho1': rho1, 'rho2': rho2, 'f': f, 'set': in_set,
        'integral': out(integral(f, mu)),
        'kl12': out(kl(rho1, rho2, mu)), 'kl21': out(kl(rho2, rho1, mu)),
        'dHalf': out((kl(rho1, rho2, mu) + kl(rho2, rho1, mu)) / 2),
        'dSum': out(kl(rho1, rho2, mu) + kl(rho2, rho1, mu)),
        'H1': out(entropy(rho1, mu)), 'H2': out(entropy(rho2, mu)),
        'F1': out(free_energy(rho1, U, tau, mu)),
        'F12': out(free_energy(rho1, U12, tau, mu)), 'F21': out(free_energy(rho2, U21, tau, mu)),
        'logZ': out(mp.log(partition(U, tau, mu))),
        'gibbs': vec(star),
        'klToGibbs': out(mp.fsum(F(a) * mp.log(F(a) / s) * F(m) for a, s, m in zip(rho1, star, mu))),
        'G': out(multimodal(rho1, rho2, U12, U21, tau, mu)),
        'g1': vec(g1), 'g2': vec(g2),
        'spreadG2': out(max(g2) - min(g2)),
        'mass1': out(mp.fsum(F(rho1[k]) * F(mu[k]) for k in in_set)),
    }


finite = [
    finite_case('K=3 generic', [0.5, 1.25, 2.0], 0.7, [0.3, -1.1, 0.8], [0.2, -0.7, 1.3], [-0.4, 0.9, 0.1],
                [3, 1, 2], [1, 4, 0.5], [1.5, -2.0, 0.25], [0, 2]),
    finite_case('K=4 small tau', [0.3, 0.7, 1.1, 0.25], 0.05, [0.9, 0.1, 0.45, -0.2], [0.6, -0.3, 0.05, 0.4],
                [-0.1, 0.7, 0.35, -0.6], [5, 2, 1, 3], [0.5, 1, 6, 2], [2.0, 0.5, -1.0, 3.0], [1]),
    finite_case('K=4 large tau', [1.5, 0.2, 0.6, 0.9], 25.0, [2.0, -3.0, 0.5, 1.0], [-1.0, 0.3, 2.2, 0.7],
                [0.8, -2.5, 0.4, 1.9], [1, 7, 2, 4], [3, 1, 1, 8], [0.1, 0.2, 0.3, 0.4], [1, 3]),
    finite_case('K=1 single atom', [2.5], 1.3, [0.3], [-0.6], [0.45], [1], [1], [1.7], [0]),
    finite_case('K=3 equal densities', [0.8, 0.15, 1.7], 2.0, [-0.5, 0.25, 1.5], [0.35, -1.2, 0.6],
                [1.1, 0.05, -0.8], [2, 5, 1], [2, 5, 1], [-0.3, 4.0, 0.9], [0, 1]),
    finite_case('K=2 tau=1/3', [0.4, 1.9], 1 / 3, [1.0, -0.25], [0.0, 0.75], [0.5, -0.5], [1, 2], [3, 1],
                [0.6, 0.7], [0]),
]

# Directional potentials of a pair law π with similarities s (docs/claims.md P11):
#   U₁₂(i) = −Σ_j π_ij s_ij / π_i·,  U₂₁(j) = −Σ_i π_ij s_ij / π_·j.


def potentials_case(name, pi, s):
    K = len(pi)
    U12 = [-mp.fsum(F(pi[i][j]) * F(s[i][j]) for j in range(K)) / mp.fsum(F(p) for p in pi[i]) for i in range(K)]
    U21 = [-mp.fsum(F(pi[i][j]) * F(s[i][j]) for i in range(K)) / mp.fsum(F(pi[i][j]) for i in range(K))
           for j in range(K)]
    return {'name': name, 'pi': pi, 's': s, 'U12': vec(U12), 'U21': vec(U21)}


potentials = [
    potentials_case('K=2 docs example', [[0.25, 0.25], [0, 0.5]], [[1, 0], [0, 1]]),
    potentials_case('K=3 non-symmetric', [[0.1, 0.25, 0.05], [0.0, 0.2, 0.15], [0.12, 0.03, 0.1]],
                    [[0.9, -0.3, 0.4], [0.2, 0.7, -0.6], [-0.5, 0.1, 0.8]]),
    potentials_case('K=3 cyclic coupling, equal marginals', [[0.1, 0.2, 0.0], [0.0, 0.1, 0.2], [0.2, 0.0, 0.1]],
                    [[1.0, 0.3, -0.2], [0.6, 1.0, 0.1], [-0.7, 0.45, 1.0]]),
    potentials_case('K=3 exchangeable (π = πᵀ, s = sᵀ)', [[0.2, 0.1, 0.05], [0.1, 0.15, 0.0], [0.05, 0.0, 0.35]],
                    [[1.0, 0.2, -0.4], [0.2, 1.0, 0.3], [-0.4, 0.3, 1.0]]),
    potentials_case('K=4 unnormalized π', [[2, 0, 1, 0], [0, 3, 0, 1], [1, 1, 1, 0], [0, 0, 2, 5]],
                    [[0.5, -0.2, 0.1, 0.9], [0.3, 0.8, -0.7, 0.2], [0.6, -0.1, 0.4, -0.5], [0.0, 0.25, -0.3, 1.0]]),
]

# ---------------------------------------------------------------- circle (P9)
# ρ(θ) = (1/2π)(1 + Σ_k a_k cos(k(θ − φ_k))); von Mises smoothing a_k ↦ a_k I_k(1/ε)/I_0(1/ε);
# integrals by the M-point rectangle rule (2π/M) Σ_m f(θ_m) g(θ_m), θ_m = 2πm/M.


def trig(p, th):
    return (1 + mp.fsum(F(a) * mp.cos((k + 1) * (th - F(ph)))
                        for k, (a, ph) in enumerate(zip(p['amplitudes'], p['phases'])))) / (2 * mp.pi)


def grid(p, M):
    return [trig(p, 2 * mp.pi * m / M) for m in range(M)]


def smooth(p, eps):
    x = 1 / F(eps)
    return [F(a) * mp.besseli(k + 1, x) / mp.besseli(0, x) for k, a in enumerate(p['amplitudes'])]


def rect(f, g=None):
    M = len(f)
    return 2 * mp.pi / M * mp.fsum(F(a) * (F(g[m]) if g is not None else 1) for m, a in enumerate(f))


trig_densities = [
    {'amplitudes': [0.5], 'phases': [0.0]},
    {'amplitudes': [0.35, -0.2, 0.15], 'phases': [0.4, 1.9, -0.7]},
    {'amplitudes': [-0.1, 0.45], 'phases': [2.5, 0.3]},
]
EPS = [0.004, 0.3, 1.0, 7.5, 80.0]
circle = []
for i, p in enumerate(trig_densities):
    q = trig_densities[(i + 1) % len(trig_densities)]
    M = [5, 7, 16][i]
    rho, sig = vec(grid(p, M)), vec(grid(q, M))
    circle.append({
        'p': p, 'q': q, 'M': M,
        'grid': rho, 'gridQ': sig,
        'smoothed': [{'eps': e, 'amplitudes': vec(smooth(p, e))} for e in EPS],
        'integral': out(rect(rho)), 'integralPQ': out(rect(rho, sig)),
        'crossLog': out(rect(rho, [mp.log(F(v)) for v in sig])),
    })

# The rectangle rule is exact for trigonometric polynomials of degree < M, and spectrally accurate for ∫ρ log σ.
quad_case = {'p': trig_densities[1], 'q': trig_densities[2], 'M': 256}
exact = mp.quad(lambda th: trig(quad_case['p'], th) * mp.log(trig(quad_case['q'], th)), [0, mp.pi, 2 * mp.pi])
rule = rect(vec(grid(quad_case['p'], 256)), [mp.log(F(v)) for v in vec(grid(quad_case['q'], 256))])
assert abs(exact - rule) < 1e-14, (exact, rule)
quad_case['crossLogExact'] = out(exact)

arbitrary = {'f': [0.3, -1.2, 2.5, 0.7, 0.05], 'g': [1.1, 0.4, -0.6, 2.0, 3.3]}
arbitrary['integral'] = out(rect(arbitrary['f']))
arbitrary['integralFG'] = out(rect(arbitrary['f'], arbitrary['g']))

# ---------------------------------------------------------------- vMF partition field (P1, P2)
# C_d(κ) = κ^ν / ((2π)^{d/2} I_ν(κ)), ν = d/2 − 1 (C_d(0) = Γ(d/2)/(2π^{d/2}) = 1/|S^{d−1}|);
# E_{vMF(m,κ)} e^{⟨z,w⟩/τ} = C_d(κ)/C_d(‖κm + z/τ‖);  Γ(z) = Σ_k p_k Γ_k(z), p_k = weight_k / Σ weight.


def C(d, k):
    nu = mp.mpf(d) / 2 - 1
    if k == 0:
        return mp.gamma(mp.mpf(d) / 2) / (2 * mp.pi ** (mp.mpf(d) / 2))
    return k ** nu / ((2 * mp.pi) ** (mp.mpf(d) / 2) * mp.besseli(nu, k))


def A(d, k):
    nu = mp.mpf(d) / 2 - 1
    return mp.besseli(nu + 1, k) / mp.besseli(nu, k)


def weights(q):
    w = [F(c.get('weight', 1)) for c in q]
    return [x / mp.fsum(w) for x in w]


def gamma_field(z, q, tau):
    d = len(z)
    tot = mp.mpf(0)
    for p, c in zip(weights(q), q):
        v = [F(c['kappa']) * F(m) + x / F(tau) for m, x in zip(c['mean'], z)]
        tot += p * C(d, F(c['kappa'])) / C(d, mp.sqrt(mp.fsum(a * a for a in v)))
    return tot


def grad_formula(z, q, tau):
    """Σ_k w_k A_d(r_k)(κ_k m_k + z/τ)/(τ r_k), w_k ∝ p_k Γ_k(z) (skipping r_k = 0)."""
    d = len(z)
    zs = [F(x) for x in z]
    total = gamma_field(zs, q, tau)
    g = [mp.mpf(0)] * d
    for p, c in zip(weights(q), q):
        v = [F(c['kappa']) * F(m) + x / F(tau) for m, x in zip(c['mean'], zs)]
        r = mp.sqrt(mp.fsum(a * a for a in v))
        if r == 0:
            continue
        w = p * C(d, F(c['kappa'])) / C(d, r) / total
        g = [gi + w * A(d, r) * vi / (F(tau) * r) for gi, vi in zip(g, v)]
    return g


def grad_numeric(z, q, tau):
    d = len(z)
    out_ = []
    for j in range(d):
        def f(t, j=j):
            zz = [F(x) for x in z]
            zz[j] = t
            return mp.log(gamma_field(zz, q, tau))
        out_.append(mp.diff(f, F(z[j])))
    return out_


def circle_gamma(z, q, tau):
    """d = 2: Γ(z) = Σ p_k ∫ e^{κ cos(θ − φ_k)} e^{⟨z,(cos θ, sin θ)⟩/τ} dθ / (2π I_0(κ)), by quadrature."""
    with mp.workdps(30):
        tot = mp.mpf(0)
        for p, c in zip(weights(q), q):
            k, m = F(c['kappa']), c['mean']
            f = lambda th: mp.exp(k * (F(m[0]) * mp.cos(th) + F(m[1]) * mp.sin(th))
                                  + (F(z[0]) * mp.cos(th) + F(z[1]) * mp.sin(th)) / F(tau))
            tot += p * mp.quad(f, mp.linspace(0, 2 * mp.pi, 9)) / (2 * mp.pi * mp.besseli(0, k))
        return tot


def unit(v):
    n = mp.sqrt(mp.fsum(F(x) ** 2 for x in v))
    return [float(F(x) / n) for x in v]


vmf_cases = [
    {'name': 'd=2 two components, weights 1 : 2.5', 'z': unit([0.6, -0.8]), 'tau': 0.5,
     'q': [{'mean': unit([1, 0.3]), 'kappa': 0.7, 'weight': 1}, {'mean': unit([-0.2, 1]), 'kappa': 4, 'weight': 2.5}]},
    {'name': 'd=3 three components, weights omitted, one uniform (κ = 0)', 'z': unit([0.3, 0.5, -0.81]), 'tau': 1.7,
     'q': [{'mean': unit([0, 0, 1]), 'kappa': 0}, {'mean': unit([1, 1, 0]), 'kappa': 2.2},
           {'mean': unit([-0.4, 0.1, 0.9]), 'kappa': 9}]},
    {'name': 'd=5 κ near zero and large κ, τ small', 'z': unit([0.2, -0.5, 0.1, 0.7, 0.45]), 'tau': 0.1,
     'q': [{'mean': unit([1, 0, 0, 0, 0]), 'kappa': 1e-10, 'weight': 0.3},
           {'mean': unit([0.1, -0.3, 0.2, 0.8, 0.4]), 'kappa': 800, 'weight': 0.7}]},
    {'name': 'd=3 r = 0 for one component (κm + z/τ = 0)', 'z': [-1.0, 0.0, 0.0], 'tau': 0.5,
     'q': [{'mean': [1.0, 0.0, 0.0], 'kappa': 2, 'weight': 2}, {'mean': unit([0.3, 0.9, -0.3]), 'kappa': 1.5,
                                                                   'weight': 1}]},
    {'name': 'd=4 single component, large κ, non-unit z', 'z': [0.9, -0.6, 1.1, 0.4], 'tau': 2.0,
     'q': [{'mean': unit([0.5, 0.5, -0.5, 0.5]), 'kappa': 5000}]},
    {'name': 'd=2 κ = 0 only (uniform q)', 'z': unit([-0.3, 0.95]), 'tau': 0.25,
     'q': [{'mean': [1.0, 0.0], 'kappa': 0, 'weight': 4}, {'mean': [0.0, 1.0], 'kappa': 0, 'weight': 1}]},
]
for c in vmf_cases:
    lg = mp.log(gamma_field([F(x) for x in c['z']], c['q'], c['tau']))
    gn, gf = grad_numeric(c['z'], c['q'], c['tau']), grad_formula(c['z'], c['q'], c['tau'])
    scale = max(abs(x) for x in gn) + 1
    assert max(abs(a - b) for a, b in zip(gn, gf)) < 1e-25 * scale, (c['name'], gn, gf)
    if len(c['z']) == 2:
        qg = circle_gamma(c['z'], c['q'], c['tau'])
        assert abs(mp.log(qg) - lg) < 1e-20, (c['name'], mp.log(qg), lg)
    c['log'] = out(lg)
    c['grad'] = vec(gn)

# Rate constants (P1, P2), a = e^{−1/τ}, Γ_{τ/2}(z) = E_q e^{2⟨z,w⟩/τ}, E[e^{s⁺/τ} | z] the vMF(z, κ₊) MGF at z/τ:
#   value = max(E[e^{s⁺/τ}|z]/Γ(z), Γ_{τ/2}(z)/(2a²)),  gradient = (2/(τa))(√Γ_{τ/2}(z) + e^{1/τ}/√N).


def rate(z, q, kp, tau, N):
    d, t = len(z), F(tau)
    zs = [F(x) for x in z]
    a = mp.exp(-1 / t)
    G, G2 = gamma_field(zs, q, tau), gamma_field(zs, q, t / 2)
    rp = mp.sqrt(mp.fsum((F(kp) * x + x / t) ** 2 for x in zs))
    pos = C(d, F(kp)) / C(d, rp)
    first, second = pos / G, G2 / (2 * a * a)
    return {'value': out(max(first, second)), 'valueFirst': out(first), 'valueSecond': out(second),
            'gradient': out(2 / (t * a) * (mp.sqrt(G2) + mp.exp(1 / t) / mp.sqrt(N)))}


rate_cases = [
    {'name': 'd=3 spread mixture (second term wins)', 'z': unit([0.3, -0.4, 0.87]), 'kappaPos': 10, 'tau': 1.0,
     'N': 16, 'q': [{'mean': unit([0, 0, 1]), 'kappa': 1.5, 'weight': 2}, {'mean': unit([1, -1, 0]), 'kappa': 3}]},
    {'name': 'd=3 q concentrated opposite z (first term wins)', 'z': [0.0, 0.0, 1.0], 'kappaPos': 50, 'tau': 0.5,
     'N': 7, 'q': [{'mean': [0.0, 0.0, -1.0], 'kappa': 40}]},
    {'name': 'd=2 τ = 0.3, κ₊ = 0', 'z': unit([0.8, 0.6]), 'kappaPos': 0, 'tau': 0.3, 'N': 100,
     'q': [{'mean': unit([1, 0.2]), 'kappa': 6, 'weight': 1}, {'mean': unit([-1, 0.5]), 'kappa': 0.5, 'weight': 3}]},
]
for c in rate_cases:
    c.update(rate(c['z'], c['q'], c['kappaPos'], c['tau'], c['N']))

# ---------------------------------------------------------------- symmetric large-batch limit (P13)
# π normalized by its total; marginals π₁(i) = Σ_j π_ij, π₂(j) = Σ_i π_ij;
#   J^Sym_∞ = −E_π⟨a,b⟩/τ + ½ E_{i~π₁} log E_{j~π₂} e^{⟨a_i,b_j⟩/τ} + ½ E_{j~π₂} log E_{i~π₁} e^{⟨a_i,b_j⟩/τ};
# the planted variant (own marginal): E_{i~π₁} log E_{i'~π₁} e^{⟨a_i,a_i'⟩/τ} and likewise for b.


def dotp(x, y):
    return mp.fsum(F(a) * F(b) for a, b in zip(x, y))


def jsym(law, tau, own):
    a, b, pi, t = law['a'], law['b'], law['pi'], F(tau)
    tot = mp.fsum(F(w) for row in pi for w in row)
    P = [[F(w) / tot for w in row] for row in pi]
    p1 = [mp.fsum(row) for row in P]
    p2 = [mp.fsum(P[i][j] for i in range(len(a))) for j in range(len(b))]
    pos = mp.fsum(P[i][j] * dotp(a[i], b[j]) for i in range(len(a)) for j in range(len(b)))

    def side(xs, px, ys, py):
        return mp.fsum(px[i] * mp.log(mp.fsum(py[j] * mp.exp(dotp(xs[i], ys[j]) / t) for j in range(len(ys))))
                       for i in range(len(xs)) if px[i] > 0)

    if own:
        t1, t2 = side(a, p1, a, p1), side(b, p2, b, p2)
    else:
        t1, t2 = side(a, p1, b, p2), side(b, p2, a, p1)
    return -pos / t + t1 / 2 + t2 / 2


pair_laws = [
    {'name': 'S⁰ docs example', 'law': {'a': [[1], [-1]], 'b': [[1], [-1]], 'pi': [[0.5, 0], [0, 0.5]]}, 'tau': 1.0},
    {'name': 'S⁰ δ₁ paired with δ₋₁ (P13 FALSE)', 'law': {'a': [[1]], 'b': [[-1]], 'pi': [[1]]}, 'tau': 0.5},
    {'name': '2×3 unnormalized, a zero column and a zero cell, d=3',
     'law': {'a': [unit([1, 0.2, -0.3]), unit([-0.5, 0.8, 0.1])],
             'b': [unit([0.9, 0.1, 0.0]), unit([0.0, -1.0, 0.4]), unit([-0.2, 0.6, 0.7])],
             'pi': [[1.2, 0.0, 0.5], [0.7, 0.0, 1.3]]}, 'tau': 0.4},
    {'name': '3×2 with a zero row, d=2', 'law': {'a': [unit([1, 1]), unit([-0.3, 1]), unit([0.6, -0.8])],
                                               'b': [unit([1, -0.1]), unit([0.2, 1])],
                                               'pi': [[0.3, 0.1], [0.0, 0.0], [0.05, 0.55]]}, 'tau': 2.5},
]
for c in pair_laws:
    c['cross'] = out(jsym(c['law'], c['tau'], False))
    c['own'] = out(jsym(c['law'], c['tau'], True))

symmetric_rate = [{'tau': t, 'value': out(max(mp.exp(2 / F(t)), 2 * mp.log(2) + mp.exp(4 / F(t))))}
                  for t in [0.25, 1.0, 3.0, 10.0]]

doc = {
    'meta': {'what': 'paper-2 geometry: finite-space functionals, directional potentials, S¹ smoothing and rectangle '
                     'rule, vMF partition field and its gradient, rate constants, J^Sym_∞; mpmath 50 digits',
             'versions': {'mpmath': mp.__version__, 'python': platform.python_version()}},
    'cases': finite,
    'potentials': potentials,
    'circle': circle,
    'circleQuadrature': quad_case,
    'circleArbitrary': arbitrary,
    'vmf': vmf_cases,
    'rate': rate_cases,
    'pairLaws': pair_laws,
    'symmetricRate': symmetric_rate,
}
with open(OUT, 'w') as fh:
    json.dump(doc, fh, ensure_ascii=False, separators=(',', ':'))
    fh.write('\n')
print(f'wrote {OUT}: {len(finite)} finite-space, {len(potentials)} potential, {len(circle)} circle, '
      f'{len(vmf_cases)} vMF, {len(rate_cases)} rate, {len(pair_laws)} pair-law cases')
