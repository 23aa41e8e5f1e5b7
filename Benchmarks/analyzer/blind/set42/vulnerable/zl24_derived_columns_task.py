"""Celery tasks for the self-service dataset builder.

Analysts submit a job spec from the web UI describing derived columns,
e.g. ``{"name": "margin", "expr": "revenue - cost"}``. The API stores the
spec verbatim and enqueues ``build_dataset``.
"""
import logging
import math
import os
from typing import Dict, List

import pandas as pd
from celery import Celery

log = logging.getLogger("dataset_builder")

celery_app = Celery("dataset_builder", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))

SOURCE_ROOT = os.environ.get("DATASET_SOURCES", "/data/sources")
OUTPUT_ROOT = os.environ.get("DATASET_OUTPUT", "/data/derived")
SAFE_FUNCS = {"abs": abs, "round": round, "log": math.log, "sqrt": math.sqrt, "min": min, "max": max}


class DerivedColumn:
    def __init__(self, name: str, expr: str):
        self.name = name
        self.expr = expr

    def compute(self, row: Dict) -> float:
        namespace = dict(SAFE_FUNCS)
        namespace.update(row)
        return eval(self.expr, {"__builtins__": {}}, namespace)  # VULN flow


def load_source(dataset: str) -> pd.DataFrame:
    if dataset not in os.listdir(SOURCE_ROOT):
        raise ValueError(f"unknown dataset {dataset!r}")
    return pd.read_parquet(os.path.join(SOURCE_ROOT, dataset))


def apply_columns(frame: pd.DataFrame, columns: List[DerivedColumn]) -> pd.DataFrame:
    for col in columns:
        frame[col.name] = frame.apply(lambda r, c=col: c.compute(r.to_dict()), axis=1)
    return frame


@celery_app.task(bind=True, max_retries=2)
def build_dataset(self, job_id: int, spec: Dict) -> str:
    columns = [DerivedColumn(c["name"], c["expr"]) for c in spec.get("derived", [])]
    frame = load_source(spec["source"])
    if spec.get("filter_nulls"):
        frame = frame.dropna()
    frame = apply_columns(frame, columns)
    out_path = os.path.join(OUTPUT_ROOT, f"job_{int(job_id)}.parquet")
    frame.to_parquet(out_path, index=False)
    log.info("job %d produced %d rows x %d cols", job_id, len(frame), len(frame.columns))
    return out_path
