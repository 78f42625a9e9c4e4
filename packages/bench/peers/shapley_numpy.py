#!/usr/bin/env python3
"""numpy brute-force peer of satlab's exact Shapley/LMG decomposition of R² (bench "shapley").

Reads the CSV written by packages/bench/src/benches/shapley.ts (header y,x1..xp, then numbers),
computes the correlation matrix (np.corrcoef), then R²(S) = r_S' R_SS^-1 r_S for EVERY subset S of
the p drivers with np.linalg.solve (subsets of the same size are solved as one stacked batch, in
chunks, which is the fast way to use numpy), and the Shapley value of each driver
phi_j = sum_{S not containing j} |S|!(p-|S|-1)!/p! (R²(S+j) - R²(S)).
Prints one JSON line: {"p", "n", "subsets", "read_seconds", "compute_seconds", "r2", "lmg"}.
Usage: /usr/bin/python3 shapley_numpy.py data.csv
"""
import itertools
import json
import math
import sys
import time

import numpy as np


def main(path: str) -> None:
    t0 = time.perf_counter()
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    t1 = time.perf_counter()
    y = data[:, 0]
    x = data[:, 1:]
    n, p = x.shape
    c = np.corrcoef(np.column_stack([x, y]), rowvar=False)
    rxx = c[:p, :p]
    rxy = c[:p, p]
    r2 = np.zeros(1 << p)
    bits = 1 << np.arange(p)
    chunk = 20000
    for k in range(1, p + 1):
        combos = np.array(list(itertools.combinations(range(p), k)), dtype=np.intp)
        for s in range(0, len(combos), chunk):
            idx = combos[s:s + chunk]
            a = rxx[idx[:, :, None], idx[:, None, :]]          # (m, k, k)
            b = rxy[idx]                                        # (m, k)
            sol = np.linalg.solve(a, b[:, :, None])[:, :, 0]
            r2[bits[idx].sum(axis=1)] = np.einsum("ij,ij->i", sol, b)
    masks = np.arange(1 << p)
    pop = np.zeros(1 << p, dtype=np.intp)
    for j in range(p):
        pop += (masks >> j) & 1
    w = np.array([1.0 / (p * math.comb(p - 1, k)) for k in range(p)])
    lmg = np.empty(p)
    for j in range(p):
        without = masks[(masks & (1 << j)) == 0]
        lmg[j] = np.sum(w[pop[without]] * (r2[without | (1 << j)] - r2[without]))
    t2 = time.perf_counter()
    print(json.dumps({"p": p, "n": n, "subsets": 1 << p, "read_seconds": t1 - t0, "compute_seconds": t2 - t1,
                      "r2": float(r2[-1]), "lmg": lmg.tolist()}))


if __name__ == "__main__":
    main(sys.argv[1])
