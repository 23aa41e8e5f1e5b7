"""Runs tabular transformation workflows that users drop into the shared pipeline inbox.

A workflow is a YAML file next to its input CSV:

    input: measurements.csv
    steps:
      - kind: filter
        where: {column: temp_k, op: gt, value: 250}
      - kind: derive
        column: temp_c
        expr: {op: sub, args: [temp_k, 273.15]}
      - kind: select
        columns: [sample, temp_c]
"""
import csv
import logging
import operator
import os
import shutil
import time

import yaml

INBOX = os.environ.get("PIPELINE_INBOX", "/srv/pipelines/inbox")
OUTBOX = os.environ.get("PIPELINE_OUTBOX", "/srv/pipelines/outbox")
FAILED = os.environ.get("PIPELINE_FAILED", "/srv/pipelines/failed")

COMPARE = {"gt": operator.gt, "ge": operator.ge, "lt": operator.lt, "le": operator.le, "eq": operator.eq, "ne": operator.ne}
ARITH = {"add": operator.add, "sub": operator.sub, "mul": operator.mul, "div": operator.truediv}

log = logging.getLogger("pipeline")


def _operand(row, arg):
    return float(row[arg]) if isinstance(arg, str) else float(arg)


def _row_lambda(spec: dict):
    if "column" in spec:
        cmp, column, value = COMPARE[spec["op"]], spec["column"], float(spec["value"])
        return lambda row: cmp(float(row[column]), value)
    fn, args = ARITH[spec["op"]], list(spec["args"])
    return lambda row: fn(*(_operand(row, a) for a in args))


def compile_step(step: dict):
    kind = step.get("kind")
    if kind == "filter":
        pred = _row_lambda(step["where"])
        return lambda rows: (r for r in rows if pred(r))
    if kind == "derive":
        fn, column = _row_lambda(step["expr"]), step["column"]
        return lambda rows: ({**r, column: fn(r)} for r in rows)
    if kind == "select":
        cols = list(step["columns"])
        return lambda rows: ({c: r.get(c) for c in cols} for r in rows)
    raise ValueError(f"unknown step kind {kind!r}")


def run_workflow(wf_path: str) -> str:
    with open(wf_path) as fh:
        wf = yaml.safe_load(fh)
    base = os.path.dirname(wf_path)
    src = os.path.join(base, os.path.basename(wf["input"]))
    steps = [compile_step(s) for s in wf.get("steps", [])]
    with open(src, newline="") as fh:
        rows = list(csv.DictReader(fh))
    for step in steps:
        rows = list(step(rows))
    out_path = os.path.join(OUTBOX, os.path.splitext(os.path.basename(wf_path))[0] + ".csv")
    with open(out_path, "w", newline="") as fh:
        if rows:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return out_path


def poll_forever(interval: float = 10.0) -> None:
    while True:
        for name in sorted(os.listdir(INBOX)):
            if not name.endswith((".yml", ".yaml")):
                continue
            path = os.path.join(INBOX, name)
            try:
                out = run_workflow(path)
                log.info("workflow %r -> %r", name, out)
                os.remove(path)
            except Exception as exc:
                log.error("workflow %r failed: %r", name, exc)
                shutil.move(path, os.path.join(FAILED, name))
        time.sleep(interval)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    poll_forever()
