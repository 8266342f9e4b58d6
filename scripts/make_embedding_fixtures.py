#!/usr/bin/python3
"""Small embedding files for `crl-verify measure` tests, written by NumPy itself (an independent .npy writer).

    /usr/bin/python3 scripts/make_embedding_fixtures.py      # writes fixtures/embeddings/*
"""
import json, os
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'embeddings')
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(7)
p = lambda name: os.path.join(OUT, name)

x = rng.standard_normal((16, 4))
y = x + 0.3 * rng.standard_normal((16, 4))                       # partners close to their anchors
np.save(p('x.npy'), x.astype(np.float32))
np.save(p('y.npy'), y.astype(np.float64))
with open(p('x.json'), 'w') as f: json.dump(x.tolist(), f)
np.savetxt(p('y.csv'), y, delimiter=',', header='d0,d1,d2,d3', comments='')
# two captions per image: y2 rows 2i and 2i+1 belong to x row i
y2 = np.repeat(x, 2, axis=0) + 0.3 * rng.standard_normal((32, 4))
np.save(p('y2.npy'), y2)
with open(p('pairs2.json'), 'w') as f: json.dump([[i // 2, i] for i in range(32)], f)

# malformed files, one fault each
with open(p('bad-magic.npy'), 'wb') as f: f.write(b'not a numpy file at all\n')
np.save(p('fortran.npy'), np.asfortranarray(rng.standard_normal((4, 3))))
nan = rng.standard_normal((5, 4)); nan[3, 2] = np.nan; np.save(p('nan.npy'), nan)
np.save(p('empty.npy'), np.zeros((0, 4)))
np.save(p('int.npy'), np.arange(12, dtype=np.int32).reshape(3, 4))
np.save(p('three-d.npy'), np.zeros((2, 2, 2)))
raw = open(p('x.npy'), 'rb').read(); open(p('truncated.npy'), 'wb').write(raw[:-10])
np.save(p('y-12-rows.npy'), y[:12])
np.save(p('y-dim3.npy'), y[:, :3])
with open(p('ragged.json'), 'w') as f: json.dump([[1, 0], [0, 1, 0]], f)
with open(p('pairs-out-of-range.json'), 'w') as f: json.dump([[0, 0], [16, 1]], f)
# big-endian copies of x.npy (issue 15: a reader that took '>f8' as little-endian survived every test)
np.save(p('x-big-f4.npy'), x.astype('>f4'))
np.save(p('x-big-f8.npy'), x.astype(np.float32).astype('>f8'))   # the float32 values of x.npy, exactly
print('wrote', sorted(os.listdir(OUT)))
