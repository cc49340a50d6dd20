#!/usr/bin/python3
"""scikit-learn side of the k-means sweep comparison (issue 9), on the matrix the workbench clusters.

  kmeans_sweep.py MATRIX.csv [--runs N]

Per run, the same work as the workbench's sweep (ClusterEngine with default options): for k = 2..12
KMeans(n_clusters=k, init="k-means++" (greedy, 2 + ln k candidates), n_init=10, max_iter=100,
tol=1e-4, Lloyd), then the mean silhouette over all rows (sklearn.metrics.silhouette_score, exact).
Prints one JSON line per run: seconds, max RSS (KiB), inertia and silhouette per k. The time
excludes interpreter start-up, imports and reading the matrix (as on the Java side).
"""
import argparse
import json
import resource
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("matrix")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    x = np.loadtxt(a.matrix, delimiter=",", ndmin=2)
    for run in range(1, a.runs + 1):
        t0 = time.perf_counter()
        c0 = time.process_time()
        sweep = []
        for k in range(2, 13):
            km = KMeans(n_clusters=k, init="k-means++", n_init=10, max_iter=100, tol=1e-4,
                        algorithm="lloyd", random_state=a.seed + k).fit(x)
            sil = silhouette_score(x, km.labels_)
            sweep.append({"k": k, "wcss": round(float(km.inertia_), 6), "silhouette": round(float(sil), 6)})
        secs = time.perf_counter() - t0
        print(json.dumps({"run": run, "seconds": round(secs, 4),
                          "cpu_seconds": round(time.process_time() - c0, 3),
                          "rows": x.shape[0], "columns": x.shape[1],
                          "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                          "sweep": sweep}), flush=True)


if __name__ == "__main__":
    main()
