#!/usr/bin/python3
"""The float64 peers of bench/kernels.ts: CLIP and one-direction InfoNCE, forward + backward, in PyTorch
(Debian's python3-torch) and in numpy (python3-numpy), written from the formulas:

  CLIP (OpenCLIP ClipLoss):  S = X·Yᵀ/τ,  L = ½[CE(S, diag) + CE(Sᵀ, diag)],  gradients for X and Y.
  InfoNCE (shared pool):     δ_ij = (⟨a_i, n_j⟩ − ⟨a_i, p_i⟩)/τ,  L = (1/B) Σ_i log(1 + Σ_j e^{δ_ij}),
                             gradients for anchors, positives and negatives (cross entropy, positive in column 0).

    /usr/bin/python3 bench/peer/kernels_peer.py B d tau input.f64 min_seconds

input.f64 holds the bench's own inputs, float64 little-endian: X (= anchors), Y (= positives), N (negatives),
each B×d, so the losses can be compared across engines. One thread for torch and for OpenBLAS (set by the
caller through OPENBLAS_NUM_THREADS): CPU time against the single-threaded TypeScript kernels.
Prints one JSON object: per engine and loss, median CPU seconds per forward+backward (time.process_time) after
a warm-up, and the loss value.
"""
import json
import sys
import time

import numpy as np


def timed(f, min_seconds):
    """Median CPU seconds per call over 5 samples, each repeating f for >= min_seconds; f warmed first."""
    for _ in range(3):
        f()
    samples = []
    for _ in range(5):
        calls, t0 = 0, time.process_time()
        while True:
            f()
            calls += 1
            if time.process_time() - t0 >= min_seconds:
                break
        samples.append((time.process_time() - t0) / calls)
    samples.sort()
    return samples[len(samples) // 2]


def np_logsumexp(s, axis):
    m = s.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(s - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def np_clip(x, y, tau):
    b = x.shape[0]
    s = (x @ y.T) / tau
    ls_row, ls_col = np_logsumexp(s, 1), np_logsumexp(s, 0)
    d = np.diag(s)
    loss = 0.5 * ((ls_row - d).mean() + (ls_col - d).mean())
    p = np.exp(s - ls_row[:, None])
    q = np.exp(s - ls_col[None, :])
    g = (p + q) / (2 * b)
    g[np.arange(b), np.arange(b)] -= 1.0 / b
    g /= tau
    return loss, g @ y, g.T @ x


def np_infonce(a, p, n, tau):
    b = a.shape[0]
    pos = (a * p).sum(1)
    logits = np.concatenate([pos[:, None], a @ n.T], 1) / tau
    ls = np_logsumexp(logits, 1)
    loss = (ls - logits[:, 0]).mean()
    w = np.exp(logits - ls[:, None]) / (b * tau)
    w_pos = w[:, 0] - 1.0 / (b * tau)
    w_neg = w[:, 1:]
    ga = w_pos[:, None] * p + w_neg @ n
    gp = w_pos[:, None] * a
    gn = w_neg.T @ a
    return loss, ga, gp, gn


def main():
    b, d, tau, path, min_seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], float(sys.argv[5])
    data = np.fromfile(path, dtype='<f8').reshape(3, b, d)
    x, y, n = data[0].copy(), data[1].copy(), data[2].copy()
    out = {'B': b, 'd': d}

    out['numpy'] = {
        'clip': {'s': timed(lambda: np_clip(x, y, tau), min_seconds), 'loss': float(np_clip(x, y, tau)[0])},
        'infonce': {'s': timed(lambda: np_infonce(x, y, n, tau), min_seconds), 'loss': float(np_infonce(x, y, n, tau)[0])},
    }
    try:
        import torch
    except ImportError as e:
        out['torch'] = {'error': str(e)}
    else:
        torch.set_num_threads(1)
        tx, ty, tn = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (x, y, n))
        labels = torch.arange(b)
        zeros = torch.zeros(b, dtype=torch.long)
        f = torch.nn.functional

        def torch_clip():
            tx.grad = ty.grad = None
            s = tx @ ty.T / tau
            loss = 0.5 * (f.cross_entropy(s, labels) + f.cross_entropy(s.T, labels))
            loss.backward()
            return loss

        def torch_infonce():
            tx.grad = ty.grad = tn.grad = None
            pos = (tx * ty).sum(1, keepdim=True)
            logits = torch.cat([pos, tx @ tn.T], 1) / tau
            loss = f.cross_entropy(logits, zeros)
            loss.backward()
            return loss

        out['torch'] = {
            'version': torch.__version__,
            'clip': {'s': timed(torch_clip, min_seconds), 'loss': float(torch_clip())},
            'infonce': {'s': timed(torch_infonce, min_seconds), 'loss': float(torch_infonce())},
        }
    # the peak: the best float64 matrix product (B×d times d×B, 2B²d flops) of either library
    gemm_s = timed(lambda: x @ y.T, min_seconds)
    out['numpy']['gemm_gflops'] = 2 * b * b * d / gemm_s / 1e9
    print(json.dumps(out))


if __name__ == '__main__':
    main()
