"""Wellsite edge controllers (plunger lift / gas lift optimisers) push their
runtime state snapshots here so the production engineers can inspect them."""
import json
import logging
import time
from dataclasses import asdict, dataclass, field
from typing import Dict, List

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import Response

log = logging.getLogger("edge_state")
app = FastAPI(title="edge-state")

MAX_BODY = 256 * 1024


@dataclass
class PlungerLiftState:
    site_id: str
    mode: str
    cycles_today: int
    casing_psi: float
    tubing_psi: float
    line_psi: float
    arrival_times_s: List[float] = field(default_factory=list)
    setpoints: Dict[str, float] = field(default_factory=dict)
    received_at: float = 0.0


_latest: Dict[str, PlungerLiftState] = {}


def restore_state(raw: bytes) -> PlungerLiftState:
    obj = json.loads(raw.decode("utf-8"))
    if not isinstance(obj, dict):
        raise ValueError("payload is not a plunger lift state")
    try:
        return PlungerLiftState(
            site_id=str(obj["site_id"]), mode=str(obj["mode"]),
            cycles_today=int(obj["cycles_today"]), casing_psi=float(obj["casing_psi"]),
            tubing_psi=float(obj["tubing_psi"]), line_psi=float(obj["line_psi"]),
            arrival_times_s=[float(x) for x in obj.get("arrival_times_s", [])],
            setpoints={str(k): float(v) for k, v in obj.get("setpoints", {}).items()},
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"bad state field: {exc}")


@app.post("/edge/{site_id}/state", status_code=202)
async def push_state(site_id: str, request: Request):
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise HTTPException(status_code=413, detail="snapshot too large")
    try:
        state = restore_state(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    if state.site_id != site_id:
        raise HTTPException(status_code=409, detail="site id mismatch")
    state.received_at = time.time()
    _latest[site_id] = state
    log.info("state from %r: mode=%r cycles=%d", site_id, state.mode, state.cycles_today)
    return {"accepted": True}


@app.get("/edge/{site_id}/state")
def get_state(site_id: str):
    state = _latest.get(site_id)
    if state is None:
        raise HTTPException(status_code=404, detail="no state received yet")
    return Response(json.dumps(asdict(state)), media_type="application/json")


@app.get("/edge")
def list_sites():
    now = time.time()
    return [{"site_id": s, "mode": st.mode, "age_s": round(now - st.received_at)}
            for s, st in sorted(_latest.items())]
