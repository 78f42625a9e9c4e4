"""Peer of `pnpm bench chi2`: cross-tab + chi-square of independence with pandas and scipy.

    /usr/bin/python3 chi2_pandas.py <respondents.csv>

Prints one JSON line: statistic, df, pValue, n, the observed table and the seconds spent. The calls:
    df = pd.read_csv(path)
    table = pd.crosstab(df["contract"], df["satisfaction"])
    chi2, p, dof, expected = scipy.stats.chi2_contingency(table.values)   # no Yates on a 5 × 4 table
"""
import json
import sys
import time

import pandas as pd
import scipy.stats

t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
table = pd.crosstab(df["contract"], df["satisfaction"])
t1 = time.perf_counter()
chi2, p, dof, expected = scipy.stats.chi2_contingency(table.values)
t2 = time.perf_counter()
print(json.dumps({
    "statistic": float(chi2),
    "df": int(dof),
    "pValue": float(p),
    "n": int(table.values.sum()),
    "observed": table.values.tolist(),
    "rowLabels": [str(x) for x in table.index],
    "colLabels": [str(x) for x in table.columns],
    "readSeconds": t1 - t0,
    "testSeconds": t2 - t1,
}))
