"""Custom report builder: users add computed columns such as "revenue - refunds"."""
import csv
import io
import logging
import os
from dataclasses import dataclass, field
from typing import Dict, List

from flask import Flask, Response, abort, request
from sqlalchemy import create_engine, text

app = Flask(__name__)
log = logging.getLogger("reports.builder")
engine = create_engine(os.environ["WAREHOUSE_URL"])

METRIC_COLUMNS = ("revenue", "refunds", "cost", "orders", "sessions")


@dataclass
class ComputedColumn:
    name: str
    expression: str


@dataclass
class ReportSpec:
    title: str
    base_columns: List[str]
    computed: List[ComputedColumn] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict) -> "ReportSpec":
        return cls(
            title=str(data.get("title", "Untitled report")),
            base_columns=[c for c in data.get("columns", []) if c in METRIC_COLUMNS],
            computed=[ComputedColumn(str(c["name"]), str(c["expr"])) for c in data.get("computed", [])],
        )


class ColumnEvaluator:
    def evaluate(self, column: ComputedColumn, row: Dict[str, float]) -> float:
        scope = {k: float(row[k]) for k in METRIC_COLUMNS}
        return eval(column.expression, {"__builtins__": {}}, scope)  # VULN flow


def monthly_metrics(account_id: int) -> List[dict]:
    query = text(
        "SELECT month, revenue, refunds, cost, orders, sessions FROM monthly_metrics "
        "WHERE account_id = :account ORDER BY month"
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query, {"account": account_id})]


@app.post("/reports/<int:account_id>/export.csv")
def export_report(account_id: int):
    spec = ReportSpec.from_json(request.get_json(force=True) or {})
    if len(spec.computed) > 10:
        abort(400, "too many computed columns")
    evaluator = ColumnEvaluator()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["month", *spec.base_columns, *[c.name for c in spec.computed]])
    for row in monthly_metrics(account_id):
        values = [row[c] for c in spec.base_columns]
        for column in spec.computed:
            try:
                values.append(round(evaluator.evaluate(column, row), 4))
            except ZeroDivisionError:
                values.append("")
        writer.writerow([row["month"], *values])
    log.info("exported report %r for account %r", spec.title, account_id)
    return Response(out.getvalue(), mimetype="text/csv")
