"""Nightly ETL that derives billing quantities from partner meter exports."""
import csv
import io
import json
import logging
import os
from dataclasses import asdict, dataclass
from typing import Dict, Iterator

import boto3
from celery import Celery

log = logging.getLogger(__name__)
celery_app = Celery("metering", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
s3 = boto3.client("s3")

ROW_ERRORS = (KeyError, ValueError, TypeError, NameError, SyntaxError, ArithmeticError)


@dataclass
class DerivedReading:
    meter_id: str
    period: str
    quantity: float


def iter_rows(bucket: str, key: str) -> Iterator[Dict[str, str]]:
    obj = s3.get_object(Bucket=bucket, Key=key)
    text = obj["Body"].read().decode("utf-8-sig")
    yield from csv.DictReader(io.StringIO(text))


def meter_variables(row: Dict[str, str]) -> Dict[str, float]:
    return {
        "import_kwh": float(row["import_kwh"]),
        "export_kwh": float(row["export_kwh"]),
        "peak_kw": float(row["peak_kw"]),
        "loss_factor": float(row.get("loss_factor") or 1.0),
    }


def derive(row: Dict[str, str]) -> DerivedReading:
    variables = meter_variables(row)
    formula = row["billing_formula"].strip()
    quantity = eval(formula, {"__builtins__": {}}, variables)  # VULN flow
    return DerivedReading(row["meter_id"], row["period"], round(float(quantity), 4))


@celery_app.task(bind=True, max_retries=3, default_retry_delay=120)
def process_partner_export(self, bucket: str, key: str) -> int:
    results = []
    skipped = 0
    try:
        rows = list(iter_rows(bucket, key))
    except s3.exceptions.NoSuchKey:
        log.error("export %r disappeared before processing", key)
        return 0
    except UnicodeDecodeError as exc:
        raise self.retry(exc=exc)
    for lineno, row in enumerate(rows, start=2):
        try:
            results.append(derive(row))
        except ROW_ERRORS:
            skipped += 1
            log.warning("skipping %r line %d: unusable row", key, lineno)
    out_key = f"derived/{os.path.basename(key)}.jsonl"
    body = "\n".join(json.dumps(asdict(r)) for r in results)
    s3.put_object(Bucket=bucket, Key=out_key, Body=body.encode("utf-8"))
    log.info("derived %d readings from %r (%d skipped)", len(results), key, skipped)
    return len(results)
