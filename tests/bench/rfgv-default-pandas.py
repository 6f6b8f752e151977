#!/usr/bin/python3
"""The default RFGV model (DESIGN.md) in pandas, for the benchmark's side-by-side run.

Usage: rfgv-default-pandas.py INCIDENTS.csv AS_OF OUT.csv
Reads the exchange CSV, scores every perpetrator and writes
rank,perpetrator_ref,R,F,G,V,total (as vigil-cli refresh --format csv)."""
import sys

import numpy as np
import pandas as pd

GRAVITY = {
    "homicide": 5, "attempted_murder": 5, "rape": 5, "gbh": 5, "strangulation": 5, "kidnap": 5,
    "sexual_assault": 4, "abh": 4, "coercive_control": 4, "stalking": 4, "threats_to_kill": 4,
    "arson_endangering_life": 4, "common_assault": 3, "harassment": 3, "breach_of_order": 3,
    "criminal_damage": 2, "malicious_communications": 2, "public_order": 2,
    "non_crime_incident": 1, "other": 1,
}
RELATIONSHIPS = ["intimate_partner", "ex_partner", "family", "non_domestic"]


def band(values, edges, points, otherwise):
    """points[i] for the first edge with value <= edges[i] (edges ascending)."""
    out = np.full(len(values), otherwise)
    for edge, point in reversed(list(zip(edges, points))):
        out = np.where(values <= edge, point, out)
    return out


def main(path, as_of_text, out_path):
    as_of = pd.Timestamp(as_of_text)
    start = as_of - pd.DateOffset(months=36)
    df = pd.read_csv(path, usecols=["occurred_at", "perpetrator_ref", "victim_ref",
                                    "relationship", "offence_code"],
                     dtype=str, keep_default_na=False)
    day = pd.to_datetime(df["occurred_at"].str.slice(0, 10), format="%Y-%m-%d")
    keep = (day > start) & (day <= as_of) & df["relationship"].isin(RELATIONSHIPS)
    df = df[keep].assign(day=day[keep])
    df["points"] = df["offence_code"].map(GRAVITY).fillna(1).astype(int)
    df["victim"] = df["victim_ref"].replace("", np.nan)
    g = df.groupby("perpetrator_ref").agg(latest=("day", "max"), n=("day", "size"),
                                          gravity_sum=("points", "sum"),
                                          victims=("victim", "nunique"))
    days = (as_of - g["latest"]).dt.days.to_numpy()
    g["R"] = band(days, [90, 180, 365, 730, 1095], [5, 4, 3, 2, 1], 0)
    n = g["n"].to_numpy()
    g["F"] = np.select([n >= 10, n >= 5, n >= 3, n >= 2], [5, 4, 3, 2], 1)
    s = g["gravity_sum"].to_numpy()
    g["G"] = np.select([s >= 40, s >= 20, s >= 10, s >= 5, s >= 1], [5, 4, 3, 2, 1], 0)
    v = g["victims"].to_numpy()
    g["V"] = np.select([v >= 3, v >= 2, v >= 1], [5, 3, 1], 0)
    g["total"] = g["R"] + g["F"] + g["G"] + g["V"]
    g = g.reset_index().sort_values(["total", "G", "latest", "perpetrator_ref"],
                                    ascending=[False, False, False, True], kind="mergesort")
    g["rank"] = np.arange(1, len(g) + 1)
    g[["rank", "perpetrator_ref", "R", "F", "G", "V", "total"]].to_csv(out_path, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])
