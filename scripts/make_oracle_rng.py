#!/usr/bin/python3
"""Golden values for test/numeric/rng.test.ts (issue 15: the Rng helpers tested against their definitions).

    /usr/bin/python3 scripts/make_oracle_rng.py   # writes fixtures/oracle/rng.json

From the textbook definitions, not from our code:
  seedFrom(v...)      32-bit FNV-1a (offset 0x811c9dc5, prime 0x01000193) over each number's 8 float64 bytes,
                      big-endian (a DataView's default); an array contributes its length first, then its entries;
                      the result keeps the low 31 bits.
  seedFromString(s)   32-bit FNV-1a over the UTF-16 code units of s, low 31 bits.
  polar normal        Marsaglia's polar method on uniforms u1, u2, ...: U = 2u - 1, V = 2u' - 1, S = U^2 + V^2,
                      rejected while S >= 1 or S = 0, then U f and V f with f = sqrt(-2 ln S / S) (mpmath, 40 digits,
                      rounded to the nearest double).
"""
import json, os, struct
import mpmath as mp

mp.mp.dps = 40
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'oracle', 'rng.json')


def fnv_bytes(h, bs):
    for b in bs:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def seed_from(*values):
    h = 0x811C9DC5
    for v in values:
        if isinstance(v, list):
            h = fnv_bytes(h, struct.pack('>d', float(len(v))))
            for x in v:
                h = fnv_bytes(h, struct.pack('>d', x))
        else:
            h = fnv_bytes(h, struct.pack('>d', v))
    return h & 0x7FFFFFFF


def seed_from_string(s):
    h = 0x811C9DC5
    units = s.encode('utf-16-le')
    for i in range(0, len(units), 2):
        h ^= units[i] | (units[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h & 0x7FFFFFFF


def polar(uniforms):
    """The first two normals the polar method makes from this uniform stream, and how many uniforms it used."""
    k = 0
    while True:
        U = 2 * mp.mpf(uniforms[k]) - 1
        V = 2 * mp.mpf(uniforms[k + 1]) - 1
        k += 2
        S = U * U + V * V
        if S >= 1 or S == 0:
            continue
        f = mp.sqrt(-2 * mp.log(S) / S)
        return [float(U * f), float(V * f)], k


seeds = [
    {'values': [0], 'seed': seed_from(0.0)},
    {'values': [-0.0], 'seed': seed_from(-0.0)},
    {'values': [1], 'seed': seed_from(1.0)},
    {'values': [1, 2.5], 'seed': seed_from(1.0, 2.5)},
    {'values': [[1, 2.5]], 'seed': seed_from([1.0, 2.5])},
    {'values': [3, [0.125, -7], 1e300], 'seed': seed_from(3.0, [0.125, -7.0], 1e300)},
]
strings = [{'s': s, 'seed': seed_from_string(s)} for s in ['', 'a', 'paper1.calibration.sqrt', 'σ_mis τ']]
streams = [
    [0.75, 0.75],  # accepted at once: U = V = 1/2, S = 1/2
    [0.5, 0.5, 0.25, 0.625],  # S = 0 rejected, then U = -1/2, V = 1/4
    [0.999, 0.999, 0.25, 0.75],  # S >= 1 rejected, then U = -1/2, V = 1/2
    [1 - 2**-53, 0.5, 0.5, 1 - 2**-53, 0.3, 0.6],  # S = (1 - 2^-52)^2 < 1 is accepted: the boundary is S >= 1
]
normals = []
for u in streams:
    pair, used = polar(u)
    normals.append({'uniforms': u, 'normals': pair, 'used': used})

cases = (
    [{'kind': 'seedFrom', **c} for c in seeds]
    + [{'kind': 'seedFromString', **c} for c in strings]
    + [{'kind': 'polar', **c} for c in normals]
)
meta = {'what': 'seedFrom/seedFromString (FNV-1a) and the polar method on scripted uniforms; scripts/make_oracle_rng.py'}
json.dump({'meta': meta, 'cases': cases}, open(OUT, 'w'), indent=1)
print('wrote', OUT)
