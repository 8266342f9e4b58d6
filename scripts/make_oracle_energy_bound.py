#!/usr/bin/python3
"""Golden values for the float64 error bound and path choice of energy distance and MMD² (issue 15).

    /usr/bin/python3 scripts/make_oracle_energy_bound.py   # writes fixtures/oracle/energy_bound.json

Written from the specification in the comments of src/gaps/energy.ts, not from its code. u = 2^-53.
  q_ij = sum_k (a_ik - b_jk)^2, summed in float64 over k in order.
  A pair mean m_AB over all (i, j), the diagonal included (V-statistic); when A and B are the same set object,
    the pairs i < j are taken once with weight 2 and the diagonal f(0) is added n times (f(0) is exact).
    The sum is compensated (here math.fsum, the correctly rounded sum), then divided by n = rows(A)·rows(B).
    Its error bound e_AB = (sum of weight·err(q, f(q)), in float64, pairs in row order) / n + u·|m_AB|.
  Energy distance: f(q) = sqrt(q), err = gamma·f, gamma = ((d + 2)/2 + 1)·u;
    float64 = 2m_XY - m_XX - m_YY, bound = 2e_XY + e_XX + e_YY + 3u·(2m_XY + m_XX + m_YY).
  MMD², RBF kernel: g = 1/(2σ·σ), f(q) = exp(-g·q), err = f·((d + 5)·u·g·q + u);
    float64 = m_XX + m_YY - 2m_XY, bound = e_XX + e_YY + 2e_XY + 3u·(m_XX + m_YY + 2m_XY).
  Every float64 expression is evaluated left to right, as written (Python floats are IEEE doubles; no FMA).
  Path: 'float64' iff bound <= 1e-10·float64, else 'double-double'.
The exact value is the V-statistic over all pairs (i, j) in mpmath at 50 digits, from the input doubles:
  energy  2·mean ‖x - y‖ - mean ‖x - x'‖ - mean ‖y - y'‖,   MMD²  mean k(x, x') + mean k(y, y') - 2·mean k(x, y).
float64Error = |float64 - exact| at 50 digits, rounded up to a double; the script checks bound >= float64Error.
Inputs: coordinates on or near the unit sphere, multiples of 2^-8 (some shifted by 2^-30 ... 2^-7) or with full
mantissas shifted by 1e-9 or 1e-7 (coordinate differences inexact in float64, with different low parts), and one
case on the path test's boundary, found by a seeded search (boundary_case).
Math.sqrt and math.sqrt are correctly rounded; Math.exp (V8) and math.exp (libm) may differ by an ulp.
"""
import json, math, os, random, sys
import mpmath as mp

mp.mp.dps = 50
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'energy_bound.json')
U = 2.0 ** -53
TARGET = 1e-10


def sq_dist(a, b):
    q = 0.0
    for x, y in zip(a, b):
        t = x - y
        q += t * t
    return q


def mean_pairs(A, B, same, f, err):
    """(m_AB, e_AB) as specified: compensated sum of the pair values, float64 sum of their error bounds."""
    terms, error = [], 0.0
    if same:
        for i in range(len(A)):
            for j in range(i + 1, len(A)):
                q = sq_dist(A[i], A[j])
                v = f(q)
                terms.append(2 * v)
                error += 2 * err(q, v)
        terms += [f(0.0)] * len(A)
    else:
        for i in range(len(A)):
            for j in range(len(B)):
                q = sq_dist(A[i], B[j])
                v = f(q)
                terms.append(v)
                error += 1 * err(q, v)
    n = len(A) * len(B)
    mean = math.fsum(terms) / n
    return mean, error / n + U * abs(mean)


def energy_float64(X, Y, same):
    d = len(X[0])
    gamma = ((d + 2) / 2 + 1) * U
    f = math.sqrt
    err = lambda q, v: gamma * v
    mxy, exy = mean_pairs(X, X if same else Y, same, f, err)
    mxx, exx = mean_pairs(X, X, True, f, err)
    myy, eyy = mean_pairs(Y, Y, True, f, err)
    value = 2 * mxy - mxx - myy
    bound = 2 * exy + exx + eyy + 3 * U * (2 * mxy + mxx + myy)
    return value, bound


def mmd_float64(X, Y, same, sigma):
    d = len(X[0])
    g = 1 / (2 * sigma * sigma)
    f = lambda q: math.exp(-g * q)
    err = lambda q, v: v * ((d + 5) * U * g * q + U)
    mxx, exx = mean_pairs(X, X, True, f, err)
    myy, eyy = mean_pairs(Y, Y, True, f, err)
    mxy, exy = mean_pairs(X, X if same else Y, same, f, err)
    value = mxx + myy - 2 * mxy
    bound = exx + eyy + 2 * exy + 3 * U * (mxx + myy + 2 * mxy)
    return value, bound


def v_mean(A, B, f):
    """The exact V-statistic mean of f(‖a - b‖²) over all pairs."""
    tot = mp.mpf(0)
    for a in A:
        for b in B:
            tot += f(mp.fsum((mp.mpf(x) - mp.mpf(y)) ** 2 for x, y in zip(a, b)))
    return tot / (len(A) * len(B))


def energy_exact(X, Y):
    f = mp.sqrt
    return 2 * v_mean(X, Y, f) - v_mean(X, X, f) - v_mean(Y, Y, f)


def mmd_exact(X, Y, sigma):
    f = lambda q: mp.exp(-q / (2 * mp.mpf(sigma) ** 2))
    return v_mean(X, X, f) + v_mean(Y, Y, f) - 2 * v_mean(X, Y, f)


def dyadic(x, bits=8):
    return round(x * 2**bits) / 2**bits


def ring(n, d, start, step, bits=8):
    """n points near the unit sphere: angles start + k·step in the (e1, e2) plane, tilted by 1/8 along e3..ed;
    coordinates rounded to multiples of 2^-bits, or left with full 53-bit mantissas when bits is None."""
    rows = []
    for k in range(n):
        th = start + k * step
        p = [math.cos(th), math.sin(th)] + [0.125 * (-1) ** (k + j) for j in range(d - 2)]
        nrm = math.sqrt(sum(c * c for c in p))
        rows.append([c / nrm if bits is None else dyadic(c / nrm, bits) for c in p])
    return rows


def shifted(rows, eps):
    """rows with eps added to the first coordinate and subtracted from the last of every other row."""
    out = [list(r) for r in rows]
    for i, r in enumerate(out):
        r[0] += eps
        if i % 2 == 0:
            r[-1] -= eps
    return out


def boundary_case(seed=1):
    """Two pairs of points where the path test is an equality, bound == 1e-10·float64 (so the path is 'float64').

    Found by search: X two dyadic points on a circle, Y = X + s·D with D random; s solves bound = 1e-10·float64
    by four secant steps (float64 grows linearly in s, the bound hardly moves), then Y[0][0] is moved by -4..4
    ulps until the two doubles are equal (about 1 crossing in 7,000 has such a step)."""
    rng = random.Random(seed)
    while True:
        X = ring(2, 2, rng.uniform(0, 6.3), rng.uniform(0.3, 3))
        D = [[rng.uniform(-1, 1) for _ in range(2)] for _ in range(2)]
        s = 1e-5
        for _ in range(4):
            value, bound = energy_float64(X, [[X[i][k] + s * D[i][k] for k in range(2)] for i in range(2)], False)
            if value <= 0:
                break
            s *= bound / (TARGET * value)
        if value <= 0:
            continue
        Y = [[X[i][k] + s * D[i][k] for k in range(2)] for i in range(2)]
        y0 = Y[0][0]
        for k in range(-4, 5):
            Y[0][0] = y0 + k * math.ulp(y0)
            value, bound = energy_float64(X, Y, False)
            if bound == TARGET * value:
                return X, Y


X3 = ring(3, 3, 0.3, 1.1)
X4 = ring(4, 4, 0.2, 0.7)
# full mantissas: a_ik - b_jk is inexact in float64, so double-double needs TwoSum's low part of each difference;
# shifted by 1e-9 or 1e-7 (not a multiple of their ulp), so that the low parts differ between X-X and X-Y pairs
X3F = ring(3, 3, 0.3, 1.1, bits=None)
X2F = ring(2, 2, 0.4, 2.0, bits=None)
CASES = [
    # (name, kind, X, Y, same object, sigma)
    ('energy, far: ±e1, ±e2', 'energy', [[1.0, 0.0], [0.0, 1.0]], [[-1.0, 0.0], [0.0, -1.0]], False, None),
    ('energy, 6 vs 5 points on a circle, interleaved', 'energy', ring(6, 2, 0.0, 1.0), ring(5, 2, 0.5, 1.2), False,
     None),
    ('energy, near-identical: shifted by 2^-30', 'energy', X3, shifted(X3, 2.0**-30), False, None),
    ('energy, near-identical, full mantissas: shifted by 1e-9', 'energy', X3F, shifted(X3F, 1e-9), False, None),
    ('energy, 4×4 shifted by 2^-14: bound 0.79 of 1e-10·float64', 'energy', X4, shifted(X4, 2.0**-14), False, None),
    ('energy, 4×4 shifted by 2^-15: bound 1.58 of 1e-10·float64', 'energy', X4, shifted(X4, 2.0**-15), False, None),
    ('energy, on the boundary: bound == 1e-10·float64', 'energy', *boundary_case(), False, None),
    ('energy, the same set twice', 'energy', X4, X4, True, None),
    ('MMD², far: ±e1, ±e2, σ = 1', 'mmd2', [[1.0, 0.0], [0.0, 1.0]], [[-1.0, 0.0], [0.0, -1.0]], False, 1.0),
    ('MMD², near-identical: shifted by 2^-30, σ = 1/2', 'mmd2', X3, shifted(X3, 2.0**-30), False, 0.5),
    ('MMD², near-identical, full mantissas: shifted by 1e-7, σ = 1', 'mmd2', X2F, shifted(X2F, 1e-7), False, 1.0),
    ('MMD², 4×4 shifted by 2^-20, σ = 2', 'mmd2', X4, shifted(X4, 2.0**-20), False, 2.0),
    ('MMD², 2 vs 6 points, σ = 1/2', 'mmd2', ring(2, 3, 0.1, 2.0), ring(6, 3, 1.0, 0.9), False, 0.5),
    ('MMD², 3×3 shifted by 2^-7, σ = 1: bound 0.61 of 1e-10·float64', 'mmd2', X3, shifted(X3, 2.0**-7), False, 1.0),
    ('MMD², 3×3 shifted by 2^-7, σ = 2: bound 1.41 of 1e-10·float64', 'mmd2', X3, shifted(X3, 2.0**-7), False, 2.0),
    ('MMD², the same set twice, σ = 1', 'mmd2', X3, X3, True, 1.0),
    ('MMD², a set and its copy, σ = 2', 'mmd2', X3, [list(r) for r in X3], False, 2.0),
]


def main():
    out = []
    for name, kind, X, Y, same, sigma in CASES:
        if kind == 'energy':
            f64, bound = energy_float64(X, Y, same)
            exact = energy_exact(X, Y)
        else:
            f64, bound = mmd_float64(X, Y, same, sigma)
            exact = mmd_exact(X, Y, sigma)
        err = abs(mp.mpf(f64) - exact)
        err_up = float(err)
        if mp.mpf(err_up) < err:
            err_up = math.nextafter(err_up, math.inf)
        if not err_up <= bound:
            sys.exit(f'{name}: the bound {bound} does not cover |float64 - exact| = {err_up}')
        path = 'float64' if bound <= TARGET * f64 else 'double-double'
        case = {'name': name, 'kind': kind, 'X': X, 'Y': Y, 'same': same}
        if sigma is not None:
            case['sigma'] = sigma
        case.update(float64=f64, bound=bound, exact=mp.nstr(exact, 30), exactNumber=float(exact),
                    float64Error=err_up, path=path)
        out.append(case)
        print(f'{name:62s} float64 {f64:.6e} bound {bound:.3e} |err| {err_up:.2e} -> {path}')
    meta = {'what': 'float64 value, rigorous error bound and path of energy distance and RBF MMD² '
                    '(src/gaps/energy.ts spec), exact values in mpmath at 50 digits',
            'versions': {'mpmath': mp.__version__, 'python': sys.version.split()[0]}}
    with open(OUT, 'w') as fh:
        json.dump({'meta': meta, 'cases': out}, fh, ensure_ascii=False)
        fh.write('\n')


if __name__ == '__main__':
    main()
