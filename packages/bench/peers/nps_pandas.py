"""Peer of `pnpm bench nps`: NPS by segment with pandas — read_csv + groupby.

    /usr/bin/python3 nps_pandas.py <survey.csv> <score column> <segment column>

Prints one JSON line: n, the overall NPS and the NPS of each segment (promoters 9-10 minus
detractors 0-6, in points), and the seconds spent. The calls:
    df = pd.read_csv(path)
    s = df[col].dropna(); cls = (s >= 9).astype(int) - (s <= 6).astype(int)
    by = cls.groupby(df[segment]).mean() * 100
"""
import json
import sys
import time

import pandas as pd

t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
t1 = time.perf_counter()
col, seg = sys.argv[2], sys.argv[3]
s = df[col].dropna()
cls = (s >= 9).astype(int) - (s <= 6).astype(int)
overall = float(cls.mean() * 100)
by = (cls.groupby(df.loc[s.index, seg]).mean() * 100).to_dict()
t2 = time.perf_counter()
print(json.dumps({"n": int(len(s)), "nps": overall, "groups": {str(k): float(v) for k, v in by.items()}, "readSeconds": t1 - t0, "groupbySeconds": t2 - t1}))
