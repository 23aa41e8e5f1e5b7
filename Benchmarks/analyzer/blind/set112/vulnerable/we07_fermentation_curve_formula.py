"""Derived fermentation metrics (apparent attenuation, ABV estimates, ...).

Lab staff define metrics as small formulas in the QA dashboard; the preview
endpoint evaluates a formula against a batch's gravity readings.
"""
import logging
import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("qa.metrics")
DB_PATH = "/var/lib/brewhouse/batches.db"

ALLOWED_VARS = ("og", "sg", "temp_c", "hours")


class DerivedMetric:
    def __init__(self, name: str, expression: str):
        self.name = name
        self.expression = expression.strip()

    def evaluate(self, reading: dict) -> float:
        scope = {k: float(reading[k]) for k in ALLOWED_VARS}
        return eval(self.expression, {"__builtins__": {}}, scope)  # VULN flow


def load_readings(batch_no: int):
    with sqlite3.connect(DB_PATH) as conn:
        conn.row_factory = sqlite3.Row
        og_row = conn.execute("SELECT og FROM batches WHERE batch_no = ?", (batch_no,)).fetchone()
        if og_row is None:
            return None
        rows = conn.execute(
            "SELECT gravity AS sg, temp_c, hours_since_pitch AS hours FROM gravity_readings "
            "WHERE batch_no = ? ORDER BY hours_since_pitch",
            (batch_no,),
        ).fetchall()
    return [dict(r, og=og_row["og"]) for r in rows]


@app.post("/api/metrics/preview")
def preview_metric():
    body = request.get_json(silent=True) or {}
    try:
        metric = DerivedMetric(body.get("name", "preview"), body["expression"])
        batch_no = int(body["batch_no"])
    except (KeyError, TypeError, ValueError, AttributeError):
        abort(400, "name, expression and batch_no are required")

    readings = load_readings(batch_no)
    if readings is None:
        abort(404, "unknown batch")

    series = []
    for r in readings:
        try:
            series.append({"hours": r["hours"], "value": round(metric.evaluate(r), 4)})
        except (ZeroDivisionError, OverflowError):
            series.append({"hours": r["hours"], "value": None})
    log.info("previewed metric %r on batch %d (%d points)", metric.name, batch_no, len(series))
    return jsonify({"metric": metric.name, "series": series})
