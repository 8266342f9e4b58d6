#!/usr/bin/python3
"""The same three conjectures written for Python Hypothesis + numpy (Debian's python3-hypothesis, python3-numpy),
as the peer in bench/suite.ts. Prints one JSON object: per conjecture, evaluations per second and, for the
refuted ones, the time to a shrunk counterexample and the counterexample itself.

    /usr/bin/python3 bench/peer/hypothesis_peer.py

Generators mirror src/arbitraries: integer weights 1..16 over their sum, scores on the 1/8 grid in [-1, 1],
temperature from the same list; finite spaces with integer measures 1..4 and potentials on the 1/4 grid.
"""
import json, math, sys, time
import numpy as np
from hypothesis import given, settings, strategies as st, HealthCheck, Phase

TAUS = [1, 0.5, 2, 0.25, 0.1, 0.07]
SETTINGS = dict(derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck), max_examples=100)


@st.composite
def ranking(draw):
    kx, ky = draw(st.integers(1, 3)), draw(st.integers(2, 4))
    w = lambda: [draw(st.integers(1, 16)) for _ in range(ky)]
    p1 = np.array([draw(st.integers(1, 16)) for _ in range(kx)], float)
    pp = np.array([w() for _ in range(kx)], float); pn = np.array([w() for _ in range(kx)], float)
    s = np.array([[draw(st.integers(-8, 8)) / 8 for _ in range(ky)] for _ in range(kx)])
    return p1 / p1.sum(), pp / pp.sum(1, keepdims=True), pn / pn.sum(1, keepdims=True), s, draw(st.sampled_from(TAUS))


def L(s, p1, pp, pn, tau):
    m = s.max(1, keepdims=True) / tau
    lse = tau * (np.log((pn * np.exp(s / tau - m)).sum(1)) + m[:, 0])
    return float((p1 * (lse - (pp * s).sum(1))).sum())


def L_star(p1, pp, pn, tau):
    return float(-tau * (p1 * (pp * np.log(pp / pn)).sum(1)).sum())


def q_s(s, pn, tau):
    w = pn * np.exp(s / tau - (s / tau).max(1, keepdims=True)); return w / w.sum(1, keepdims=True)


def auc(s, p1, pp, pn):
    t = 0.0
    for x in range(len(p1)):
        d = s[x][:, None] - s[x][None, :]; t += p1[x] * pp[x] @ ((d > 0) + 0.5 * (d == 0)) @ pn[x]
    return float(t)


def excess_identity(inst):
    p1, pp, pn, s, tau = inst
    lhs = L(s, p1, pp, pn, tau) - L_star(p1, pp, pn, tau)
    q = q_s(s, pn, tau); rhs = tau * float((p1 * (pp * np.log(pp / q)).sum(1)).sum())
    return abs(lhs - rhs) <= 1e-9 * max(1, abs(lhs), abs(rhs))


def linear_calibration(inst):
    p1, pp, pn, s, tau = inst
    regret = auc(np.log(pp / pn), p1, pp, pn) - auc(s, p1, pp, pn)
    excess = max(0.0, (L(s, p1, pp, pn, tau) - L_star(p1, pp, pn, tau)) / tau)
    return regret <= excess + 1e-10 + 1e-9 * excess


@st.composite
def finite_space(draw):
    K = draw(st.integers(2, 5))
    mu = np.array([draw(st.integers(1, 4)) for _ in range(K)], float)
    U = np.array([draw(st.integers(-8, 8)) / 4 for _ in range(K)])
    w = np.array([draw(st.integers(1, 8)) for _ in range(K)], float)
    return mu, U, w / (w * mu).sum(), draw(st.sampled_from(TAUS))


def uniform_minimises(inst):
    mu, U, rho, tau = inst
    F = lambda r: float((mu * (U * r / tau + r * np.log(r))).sum())
    uni = np.ones_like(mu) / mu.sum()
    return F(rho) >= F(uni) - (1e-13 + 1e-12 * abs(F(uni)))


def run(name, strategy, check, expect):
    calls = [0]; last = [None]

    def test(inst):
        calls[0] += 1; ok = check(inst)
        if not ok: last[0] = inst
        assert ok

    t0 = time.perf_counter()
    failed = False
    try:
        settings(**SETTINGS)(given(strategy)(test))()
    except AssertionError:
        failed = True
    dt = time.perf_counter() - t0
    out = {'id': name, 'expect': expect, 'outcome': 'refuted' if failed else 'held', 'calls': calls[0], 'seconds': dt}
    if failed:
        out['timeToShrunkSeconds'] = dt
        out['counterexample'] = repr(tuple(np.round(x, 6).tolist() if isinstance(x, np.ndarray) else x for x in last[0]))
    return out


def evals_per_second(strategy, check):
    """Evaluations per second of the bare check on 64 generated instances (as the TypeScript bench: >= 0.3 s)."""
    samples = []

    @settings(**{**SETTINGS, 'max_examples': 64, 'phases': [Phase.generate]})
    @given(strategy)
    def collect(inst): samples.append(inst)
    collect()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 0.3:
        for x in samples: check(x); n += 1
    return n / (time.perf_counter() - t0)


results = []
for name, strat, check, expect in [
    ('paper1.consistency.excess-risk-identity', ranking(), excess_identity, 'holds'),
    ('paper1.calibration.linear', ranking(), linear_calibration, 'refuted'),
    ('paper2.gibbs.uniform-minimises', finite_space(), uniform_minimises, 'refuted'),
]:
    r = run(name, strat, check, expect)
    r['evalsPerSecond'] = evals_per_second(strat, check)
    results.append(r)
print(json.dumps({'peer': f'hypothesis {__import__("hypothesis").__version__} + numpy {np.__version__}, python {sys.version.split()[0]}', 'results': results}))
