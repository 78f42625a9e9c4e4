"""Peer of `pnpm bench rfm`: per-customer RFM with pandas — read_csv + groupby agg.

    /usr/bin/python3 rfm_pandas.py <transactions.csv>

Prints one JSON line: customers, transactions, asOf and the seconds spent in read_csv and groupby.
The calls:
    tx = pd.read_csv(path, parse_dates=["date"])
    g = tx.groupby("customer_id").agg(last=("date", "max"), frequency=("date", "size"), monetary=("amount", "sum"))
    as_of = tx["date"].max().normalize() + pd.Timedelta(days=1); g["recency"] = (as_of - g["last"]).dt.days
"""
import json
import sys
import time

import pandas as pd

t0 = time.perf_counter()
tx = pd.read_csv(sys.argv[1], parse_dates=["date"])
t1 = time.perf_counter()
g = tx.groupby("customer_id").agg(last=("date", "max"), frequency=("date", "size"), monetary=("amount", "sum"))
as_of = tx["date"].max().normalize() + pd.Timedelta(days=1)
g["recency"] = (as_of - g["last"]).dt.days
t2 = time.perf_counter()
print(json.dumps({
    "customers": int(len(g)),
    "transactions": int(len(tx)),
    "asOf": as_of.strftime("%Y-%m-%d"),
    "monetaryTotal": float(g["monetary"].sum()),
    "readSeconds": t1 - t0,
    "groupbySeconds": t2 - t1,
}))
