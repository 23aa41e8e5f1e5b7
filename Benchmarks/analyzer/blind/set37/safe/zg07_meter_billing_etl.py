"""Nightly ETL that derives billing quantities from partner meter exports."""
import ast
import csv
import io
import json
import logging
import operator
import os
from dataclasses import asdict, dataclass
from typing import Dict, Iterator

import boto3
from celery import Celery

log = logging.getLogger(__name__)
celery_app = Celery("metering", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
s3 = boto3.client("s3")

ROW_ERRORS = (KeyError, ValueError, TypeError, SyntaxError, ArithmeticError, RecursionError)
MAX_FORMULA_LEN = 120
_BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


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


def _eval_node(node: ast.AST, variables: Dict[str, float]) -> float:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.Name) and node.id in variables:
        return variables[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_eval_node(node.left, variables), _eval_node(node.right, variables))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPS:
        return _UNARY_OPS[type(node.op)](_eval_node(node.operand, variables))
    raise ValueError("unsupported element in billing formula")


def evaluate_formula(formula: str, variables: Dict[str, float]) -> float:
    if len(formula) > MAX_FORMULA_LEN:
        raise ValueError("billing formula too long")
    return _eval_node(ast.parse(formula, mode="eval").body, variables)


def derive(row: Dict[str, str]) -> DerivedReading:
    variables = meter_variables(row)
    formula = row["billing_formula"].strip()
    quantity = evaluate_formula(formula, variables)
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
