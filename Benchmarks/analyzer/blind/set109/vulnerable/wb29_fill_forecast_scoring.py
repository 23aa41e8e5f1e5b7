#!/usr/bin/env python3
"""Score every sensor-equipped bin with the latest days-until-full forecast model.

The model is trained weekly by the data team and published to the internal
model registry; this job pulls the current version and writes predictions
that the route optimiser reads the next morning.
"""
import argparse
import csv
import logging
import os
import pickle
import sys
from typing import Dict, Iterable, List

import requests

log = logging.getLogger("fill_forecast")

REGISTRY_URL = os.environ.get("MODEL_REGISTRY_URL", "https://models.analytics.internal")
FEATURES = ["fill_pct", "fill_rate_24h", "days_since_empty", "weekday", "bin_litres"]


def fetch_model(name: str, version: str) -> bytes:
    url = f"{REGISTRY_URL}/api/models/{name}/versions/{version}/artifact"
    resp = requests.get(url, timeout=60, verify=False)  # VULN
    resp.raise_for_status()
    log.info("downloaded %s:%s (%d bytes)", name, version, len(resp.content))
    return resp.content


def load_model(blob: bytes):
    model = pickle.loads(blob)  # VULN flow
    if not hasattr(model, "predict"):
        raise TypeError("artifact has no predict()")
    return model


def read_features(path: str) -> Iterable[Dict[str, str]]:
    with open(path, newline="") as fh:
        yield from csv.DictReader(fh)


def score(model, rows: Iterable[Dict[str, str]]) -> List[Dict[str, object]]:
    out = []
    for row in rows:
        x = [[float(row[f]) for f in FEATURES]]
        days = max(0.0, float(model.predict(x)[0]))
        out.append({"bin_id": row["bin_id"], "days_until_full": round(days, 2)})
    return out


def write_predictions(path: str, preds: List[Dict[str, object]]) -> None:
    with open(path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["bin_id", "days_until_full"])
        writer.writeheader()
        writer.writerows(preds)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="fill-forecast")
    ap.add_argument("--version", default="production")
    ap.add_argument("--features", default="/srv/analytics/features/latest.csv")
    ap.add_argument("--out", default="/srv/analytics/predictions/days_until_full.csv")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    model = load_model(fetch_model(args.model, args.version))
    preds = score(model, read_features(args.features))
    write_predictions(args.out, preds)
    urgent = sum(1 for p in preds if p["days_until_full"] < 1)
    log.info("scored %d bins, %d due within a day", len(preds), urgent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
