"""Covers forecasting CLI for the restaurant outlets.

Pulls the latest trained model coefficients from the data team's model
registry and prints the expected number of covers per service for the
coming week.

    forecast week RIVERSIDE --model covers-linear --version latest
"""
import csv
import json
import logging
import os
from datetime import date, timedelta
from typing import List

import requests
import typer

app = typer.Typer(help="Covers forecasting")
log = logging.getLogger("forecast")

REGISTRY_URL = os.environ.get("MODEL_REGISTRY_URL", "https://models.data.harbourhotels.internal/registry")
REGISTRY_CA = os.environ.get("MODEL_REGISTRY_CA_BUNDLE") or True
HISTORY_DIR = os.environ.get("COVERS_HISTORY_DIR", "/srv/analytics/covers")
SERVICES = ("breakfast", "lunch", "dinner")


class LinearForecaster:
    def __init__(self, coefficients: List[float], intercept: float):
        self.coefficients = [float(c) for c in coefficients]
        self.intercept = float(intercept)

    def predict(self, rows: List[List[float]]) -> List[float]:
        return [self.intercept + sum(c * x for c, x in zip(self.coefficients, row)) for row in rows]


def fetch_model(name: str, version: str) -> LinearForecaster:
    url = f"{REGISTRY_URL}/{name}/{version}/model.json"
    resp = requests.get(url, timeout=60, verify=REGISTRY_CA)
    resp.raise_for_status()
    spec = json.loads(resp.content)
    return LinearForecaster(spec["coefficients"], spec["intercept"])


def load_history(outlet: str) -> List[dict]:
    with open(os.path.join(HISTORY_DIR, f"{os.path.basename(outlet)}.csv"), newline="") as fh:
        return list(csv.DictReader(fh))


def build_features(history: List[dict], day: date, service: str) -> List[float]:
    same_slot = [float(r["covers"]) for r in history
                 if r["service"] == service and date.fromisoformat(r["date"]).weekday() == day.weekday()]
    last4 = same_slot[-4:] or [0.0]
    return [
        float(day.weekday()),
        float(SERVICES.index(service)),
        sum(last4) / len(last4),
        max(last4),
        float(day.month),
    ]


@app.command()
def week(outlet: str, model: str = "covers-linear", version: str = "latest", start: str = ""):
    """Print a 7-day covers forecast for OUTLET."""
    logging.basicConfig(level=logging.INFO)
    first = date.fromisoformat(start) if start else date.today() + timedelta(days=1)
    estimator = fetch_model(model, version)
    history = load_history(outlet)
    typer.echo(f"{'date':<12}" + "".join(f"{s:>11}" for s in SERVICES))
    for offset in range(7):
        day = first + timedelta(days=offset)
        row = [estimator.predict([build_features(history, day, s)])[0] for s in SERVICES]
        typer.echo(f"{day.isoformat():<12}" + "".join(f"{max(0, round(v)):>11}" for v in row))


if __name__ == "__main__":
    app()
