"""Central endpoint the print-farm agents (one Raspberry Pi per printer)
report job progress to; the lobby screen polls /farm/status."""
import json
import logging
import threading
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Optional

import falcon

log = logging.getLogger("farm")

STATES = {"idle", "printing", "paused", "finished", "error"}


@dataclass
class JobReport:
    printer: str
    job_id: str
    state: str
    progress: float = 0.0
    eta_seconds: Optional[int] = None
    temps: dict = field(default_factory=dict)


def decode_report(raw: bytes) -> JobReport:
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("expected an object")
    eta = data.get("eta_seconds")
    temps = data.get("temps") or {}
    if not isinstance(temps, dict):
        raise ValueError("temps must be an object")
    return JobReport(
        printer=str(data["printer"])[:40],
        job_id=str(data["job_id"])[:64],
        state=str(data["state"]),
        progress=float(data.get("progress", 0.0)),
        eta_seconds=int(eta) if eta is not None else None,
        temps={str(k)[:20]: float(v) for k, v in temps.items()},
    )


class FarmState:
    def __init__(self):
        self._lock = threading.Lock()
        self._printers = {}

    def update(self, report: JobReport) -> None:
        with self._lock:
            entry = asdict(report)
            entry["seen"] = datetime.now(timezone.utc).isoformat()
            self._printers[report.printer] = entry

    def snapshot(self) -> list:
        with self._lock:
            return sorted(self._printers.values(), key=lambda e: e["printer"])


class ReportResource:
    def __init__(self, state: FarmState):
        self.state = state

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        try:
            report = decode_report(req.bounded_stream.read())
        except (KeyError, TypeError, ValueError):
            raise falcon.HTTPBadRequest(description="not a job report")
        if report.state not in STATES:
            raise falcon.HTTPBadRequest(description="not a job report")
        self.state.update(report)
        if report.state == "error":
            log.warning("printer %r reported an error on job %r", report.printer, report.job_id)
        resp.status = falcon.HTTP_204


class StatusResource:
    def __init__(self, state: FarmState):
        self.state = state

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.media = {"printers": self.state.snapshot()}


def create_app() -> falcon.App:
    state = FarmState()
    app = falcon.App()
    app.add_route("/farm/report", ReportResource(state))
    app.add_route("/farm/status", StatusResource(state))
    return app


app = create_app()
