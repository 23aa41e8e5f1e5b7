"""Backtest service: quants upload a candidate pricing model and replay it over historical odds."""
import io
import logging
import os
from dataclasses import dataclass
from typing import List

import numpy as np
from fastapi import FastAPI, File, Form, HTTPException, UploadFile

log = logging.getLogger("backtest")
app = FastAPI(title="pricing-backtest")

HISTORY_DIR = os.environ.get("ODDS_HISTORY_ROOT", "/srv/odds-history")
MAX_MODEL_BYTES = 20 * 1024 * 1024


@dataclass
class BacktestReport:
    markets: int
    brier: float
    roi: float


class LogisticModel:
    """Candidate models are shipped as an .npz with 'coef' and 'intercept' arrays."""

    def __init__(self, coef: np.ndarray, intercept: float):
        self.coef = coef
        self.intercept = intercept

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-(features @ self.coef + self.intercept)))
        return np.column_stack([1.0 - p, p])


def load_history(dataset: str) -> np.ndarray:
    # datasets are prepared by the odds archive sync job
    if dataset not in {"epl_2023", "nba_2023", "nfl_2023"}:
        raise HTTPException(status_code=404, detail="unknown dataset")
    return np.load(os.path.join(HISTORY_DIR, f"{dataset}.npy"), allow_pickle=False)


class ModelLoader:
    def __init__(self, raw: bytes):
        self.raw = raw

    def load(self):
        buf = io.BytesIO(self.raw)
        try:
            with np.load(buf, allow_pickle=False) as params:
                model = LogisticModel(params["coef"].astype(float), float(params["intercept"]))
        except (KeyError, ValueError, OSError):
            raise HTTPException(status_code=422, detail="model must be an npz with coef and intercept")
        return model


def run_backtest(model, history: np.ndarray) -> BacktestReport:
    features, outcomes, prices = history[:, :-2], history[:, -2], history[:, -1]
    probs = np.clip(model.predict_proba(features)[:, 1], 1e-6, 1 - 1e-6)
    brier = float(np.mean((probs - outcomes) ** 2))
    edge = probs * prices - 1.0
    bets = edge > 0.02
    pnl = np.where(outcomes[bets] == 1, prices[bets] - 1.0, -1.0)
    roi = float(pnl.mean()) if pnl.size else 0.0
    return BacktestReport(markets=int(len(outcomes)), brier=round(brier, 5), roi=round(roi, 4))


@app.post("/backtests")
async def create_backtest(dataset: str = Form(...), model_file: UploadFile = File(...)):
    raw = await model_file.read()
    if len(raw) > MAX_MODEL_BYTES:
        raise HTTPException(status_code=413, detail="model too large")
    model = ModelLoader(raw).load()
    report = run_backtest(model, load_history(dataset))
    log.info("backtest on %r: brier=%.4f roi=%.3f", dataset, report.brier, report.roi)
    return report.__dict__


@app.get("/datasets")
def datasets() -> List[str]:
    return sorted(f[:-4] for f in os.listdir(HISTORY_DIR) if f.endswith(".npy"))
