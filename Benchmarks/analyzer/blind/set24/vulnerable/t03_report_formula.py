"""Background worker that adds computed columns to tabular reports."""
import json
import logging
import queue
import threading
from dataclasses import dataclass, field

log = logging.getLogger("reports.formula")
MAX_FORMULA_LENGTH = 200


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


def prepare_expression(job: ReportJob) -> str:
    expr = job.formula.strip()
    if len(expr) > MAX_FORMULA_LENGTH:
        raise ValueError("formula too long")
    return expr


def compute_column(job: ReportJob) -> list:
    expr = prepare_expression(job)
    values = []
    for row in job.rows:
        scope = {k: float(v) for k, v in row.items() if isinstance(v, (int, float))}
        values.append(eval(expr, {"__builtins__": {}}, scope))  # VULN flow
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
