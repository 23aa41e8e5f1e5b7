"""Save / restore sessions of the dose-response curve-fitting web tool.

Users can export their current fit (model, parameters, bounds, data points)
and import it again later or send the file to a colleague.
"""
import json
import logging
import re
import uuid
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse

app = FastAPI(title="curvefit sessions")
log = logging.getLogger("curvefit")

SESSIONS = Path("/srv/curvefit/sessions")
MODELS = {"hill", "four_pl", "five_pl", "linear"}
SID_RE = re.compile(r"^[0-9a-f]{32}$")


class FitSession:
    def __init__(self, model="hill", params=None, bounds=None, points=None, notes=""):
        self.model = model
        self.params = params or {}
        self.bounds = bounds or {}
        self.points = points or []
        self.notes = notes

    def validate(self):
        if self.model not in MODELS:
            raise ValueError("unknown model")
        if len(self.points) > 10000:
            raise ValueError("too many points")

    def to_dict(self) -> dict:
        return {"model": self.model, "params": self.params, "bounds": self.bounds,
                "points": self.points, "notes": self.notes}


def restore_session(blob: str) -> FitSession:
    data = json.loads(blob)
    if not isinstance(data, dict):
        raise ValueError("not a curve-fit session")
    obj = FitSession(
        model=str(data.get("model", "hill")),
        params={str(k): float(v) for k, v in dict(data.get("params", {})).items()},
        bounds={str(k): [float(x) for x in v] for k, v in dict(data.get("bounds", {})).items()},
        points=[[float(x), float(y)] for x, y in list(data.get("points", []))],
        notes=str(data.get("notes", "")),
    )
    obj.validate()
    return obj


@app.post("/sessions/import")
async def import_session(request: Request):
    body = (await request.body()).decode("utf-8", errors="replace")
    try:
        session = restore_session(body)
    except Exception as exc:
        log.info("rejected session import: %r", exc)
        raise HTTPException(status_code=400, detail="invalid session file")
    sid = uuid.uuid4().hex
    (SESSIONS / f"{sid}.json").write_text(json.dumps(session.to_dict()))
    return {"id": sid, "model": session.model, "points": len(session.points)}


@app.get("/sessions/{sid}/export", response_class=PlainTextResponse)
def export_session(sid: str):
    if not SID_RE.match(sid):
        raise HTTPException(status_code=404)
    path = SESSIONS / f"{sid}.json"
    if not path.exists():
        raise HTTPException(status_code=404)
    return path.read_text()
