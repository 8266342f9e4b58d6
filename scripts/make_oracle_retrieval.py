#!/usr/bin/python3
"""Golden recall@K values for src/gaps/retrieval.ts, written from the retrieval conventions, not from our code.

    /usr/bin/python3 scripts/make_oracle_retrieval.py      # writes fixtures/oracle/retrieval.json

Two conventions, each by sorting (the TypeScript counts instead):
  paired    query i against all N candidates, partner i; ties are broken against the query (pessimistic):
            among equal scores the partner sorts last. Hit@K when the partner is in the first K.
  partners  COCO / Flickr30k as CLIP's evaluation runs them: queries and candidates are the distinct items
            named in the pairs; an image query is a hit when any of its captions is in the top K, a caption
            query when its image is. Ties with non-partners sort before the partners (pessimistic).
Scores are inner products of the L2-normalized float64 rows (numpy), as `crl-verify measure` uses them.
Tied cases use small integers, so every score is exact and the ties are real.
"""
import json, os, sys
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'fixtures', 'oracle', 'retrieval.json')
EMB = os.path.join(HERE, '..', 'fixtures', 'embeddings')


def hit_at(scores, partner_mask, k):
    """Sort candidates by score, descending; among equal scores non-partners first. Any partner in the top k?"""
    order = np.lexsort((partner_mask.astype(int), -scores))   # last key is primary
    return bool(partner_mask[order[:k]].any())


def paired_recall(Q, C, k):
    S = Q @ C.T
    n = len(Q)
    return sum(hit_at(S[i], np.arange(n) == i, k) for i in range(n)) / n


def partner_recall(X, Y, pairs, k, direction):
    if direction == 'y-to-x':
        X, Y, pairs = Y, X, [(b, a) for a, b in pairs]
    queries = list(dict.fromkeys(a for a, _ in pairs))
    cands = list(dict.fromkeys(b for _, b in pairs))
    S = X[queries] @ Y[cands].T
    hits = 0
    for qi, q in enumerate(queries):
        mine = {b for a, b in pairs if a == q}
        hits += hit_at(S[qi], np.array([c in mine for c in cands]), k)
    return hits / len(queries)


def unit(M):
    M = np.asarray(M, dtype=np.float64)
    return M / np.linalg.norm(M, axis=1, keepdims=True)


KS = [1, 2, 5, 10]
tied = []
# issue 15: X = Y = [[1,0],[1,0]]: every score ties, so R@1 = 0 under the pessimistic rule
for X, Y in [([[1, 0], [1, 0]], [[1, 0], [1, 0]]),
             ([[1, 0], [1, 0], [0, 1]], [[1, 0], [1, 0], [0, 1]]),
             ([[2, 1], [1, 2], [2, 1], [0, 3]], [[1, 0], [0, 1], [1, 0], [1, 1]]),
             ([[1, 1], [1, 0], [1, -1]], [[1, 0], [1, 0], [1, 0]]),
             ([[3, 4], [4, 3], [0, 5], [5, 0], [3, 4]], [[3, 4], [3, 4], [0, 5], [5, 0], [4, 3]])]:
    X, Y = np.asarray(X, float), np.asarray(Y, float)
    tied.append({'X': X.tolist(), 'Y': Y.tolist(),
                 'recall': {f'{d}@{k}': paired_recall(*((X, Y) if d == 'x-to-y' else (Y, X)), k)
                            for d in ['x-to-y', 'y-to-x'] for k in KS if k <= len(X)}})

# partners with ties: two images, sibling captions equal to each other, and a distinct item tying exactly
partner_cases = []
for X, Y, pairs in [([[1, 0], [0, 1]], [[1, 0], [1, 0], [0, 1], [0, 1]], [[0, 0], [0, 1], [1, 2], [1, 3]]),
                    ([[1, 0], [1, 0], [0, 1]], [[1, 0], [1, 0], [0, 1]], [[0, 0], [1, 1], [2, 2]]),
                    ([[1, 0], [0, 1], [1, 1]], [[1, 0], [2, 0], [0, 1], [1, 1], [1, 1]], [[0, 0], [0, 1], [1, 2], [2, 3], [2, 4]]),
                    ([[1, 2], [2, 1], [1, 1]], [[1, 2], [1, 0], [2, 1], [1, 1]], [[0, 0], [0, 1], [1, 2], [2, 3]])]:
    X, Y = np.asarray(X, float), np.asarray(Y, float)
    partner_cases.append({'X': X.tolist(), 'Y': Y.tolist(), 'pairs': pairs,
                          'recall': {f'{d}@{k}': partner_recall(X, Y, pairs, k, d)
                                     for d in ['x-to-y', 'y-to-x'] for k in [1, 2, 3]}})

# the shipped fixture: 16 images, two captions each (x.npy float32, y2.npy float64, pairs2.json)
x = unit(np.load(os.path.join(EMB, 'x.npy')).astype(np.float64))
y2 = unit(np.load(os.path.join(EMB, 'y2.npy')))
with open(os.path.join(EMB, 'pairs2.json')) as fh:
    pairs2 = [tuple(p) for p in json.load(fh)]
fixture = {'x': 'fixtures/embeddings/x.npy', 'y': 'fixtures/embeddings/y2.npy', 'pairs': 'fixtures/embeddings/pairs2.json',
           'recall': {f'{d}@{k}': partner_recall(x, y2, pairs2, k, d) for d in ['x-to-y', 'y-to-x'] for k in [1, 5, 10]}}

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as fh:
    json.dump({'meta': {'what': 'recall@K: paired with pessimistic ties, and over distinct items with several partners '
                                '(COCO/Flickr30k convention), by sorting in numpy',
                        'versions': {'numpy': np.__version__, 'python': sys.version.split()[0]}},
               'cases': tied, 'partners': partner_cases, 'fixture': fixture}, fh, separators=(',', ':'))
    fh.write('\n')
print(f'{OUT}: {len(tied)} tied paired cases, {len(partner_cases)} partner cases; fixture {fixture["recall"]}')
