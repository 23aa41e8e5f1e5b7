"""Background worker that adds computed columns to tabular reports."""
import ast
import json
import logging
import operator
import queue
import threading
from dataclasses import dataclass, field

log = logging.getLogger("reports.formula")
MAX_FORMULA_LENGTH = 200

_BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


@dataclass
class ReportJob:
    report_id: str
    column: str
    formula: str
    rows: list = field(default_factory=list)

    @classmethod
    def from_message(cls, raw: bytes) -> "ReportJob":
        data = json.loads(raw)
        return cls(
            report_id=str(data["id"]),
            column=str(data.get("column", "computed")),
            formula=data["formula"],
            rows=list(data.get("rows", [])),
        )


def prepare_expression(job: ReportJob) -> ast.Expression:
    expr = job.formula.strip()
    if len(expr) > MAX_FORMULA_LENGTH:
        raise ValueError("formula too long")
    return ast.parse(expr, mode="eval")


def _evaluate(node, scope):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name):
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_evaluate(node.left, scope), _evaluate(node.right, scope))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPS:
        return _UNARY_OPS[type(node.op)](_evaluate(node.operand, scope))
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def compute_column(job: ReportJob) -> list:
    tree = prepare_expression(job)
    values = []
    for row in job.rows:
        scope = {k: float(v) for k, v in row.items() if isinstance(v, (int, float))}
        values.append(_evaluate(tree, scope))
    return values


def handle(raw: bytes) -> dict:
    job = ReportJob.from_message(raw)
    values = compute_column(job)
    for row, value in zip(job.rows, values):
        row[job.column] = value
    return {"id": job.report_id, "rows": job.rows}


def worker(inbox: "queue.Queue[bytes | None]", outbox: "queue.Queue[dict]") -> None:
    while True:
        raw = inbox.get()
        try:
            if raw is None:
                return
            outbox.put(handle(raw))
        except Exception:
            log.exception("formula job failed")
        finally:
            inbox.task_done()


def start_workers(inbox, outbox, count=4):
    threads = []
    for i in range(count):
        t = threading.Thread(target=worker, args=(inbox, outbox), name=f"formula-{i}", daemon=True)
        t.start()
        threads.append(t)
    return threads
