"""Server-side storage for forecaster grid-edit sessions.

The gridded-forecast editor periodically uploads a snapshot of the edit
session (pending edits, smoothing settings, selected time range) so a shift
change can resume where the previous forecaster left off.
"""
import json
import logging
import os
import time
from dataclasses import dataclass, field
from typing import List

import jsonpickle
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

log = logging.getLogger("gfe.snapshots")
MAX_SNAPSHOT = 2 * 1024 * 1024


@dataclass
class GridEdit:
    element: str
    valid_time: str
    delta: float
    area_wkt: str


@dataclass
class EditSession:
    office: str
    forecaster: str
    edits: List[GridEdit] = field(default_factory=list)
    smoothing: int = 0
    saved_at: float = field(default_factory=time.time)

    @classmethod
    def from_dict(cls, data: dict) -> "EditSession":
        edits = [GridEdit(str(e["element"]), str(e["valid_time"]), float(e["delta"]),
                          str(e["area_wkt"])) for e in data.get("edits", [])]
        return cls(str(data["office"]), str(data["forecaster"]), edits,
                   int(data.get("smoothing", 0)), float(data.get("saved_at", time.time())))


SNAPSHOTS = {}


def restore_snapshot(text: str) -> EditSession:
    obj = json.loads(text)
    if not isinstance(obj, dict):
        raise ValueError("not an edit session")
    return EditSession.from_dict(obj)


async def save_snapshot(request: Request) -> Response:
    office = request.path_params["office"].upper()
    raw = await request.body()
    if len(raw) > MAX_SNAPSHOT:
        return JSONResponse({"error": "snapshot too large"}, status_code=413)
    try:
        session = restore_snapshot(raw.decode("utf-8"))
    except Exception as exc:
        log.warning("rejected snapshot for office %r: %s", office, type(exc).__name__)
        return JSONResponse({"error": "invalid snapshot"}, status_code=400)
    session.office = office
    SNAPSHOTS[office] = session
    return JSONResponse({"office": office, "edits": len(session.edits)}, status_code=201)


async def load_snapshot(request: Request) -> Response:
    office = request.path_params["office"].upper()
    session = SNAPSHOTS.get(office)
    if session is None:
        return JSONResponse({"error": "no snapshot"}, status_code=404)
    return Response(jsonpickle.encode(session, unpicklable=False), media_type="application/json")


app = Starlette(routes=[
    Route("/offices/{office}/snapshot", save_snapshot, methods=["PUT"]),
    Route("/offices/{office}/snapshot", load_snapshot, methods=["GET"]),
])
