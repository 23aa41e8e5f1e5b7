"""Experiment assignment service.

The client keeps its assignment state in a cookie so that anonymous
visitors see a stable variant across page loads.
"""
import base64
import hashlib
import json
import logging
from typing import Optional

from fastapi import FastAPI, Request, Response

log = logging.getLogger("assignments")
app = FastAPI(title="assignments")

COOKIE = "xp_state"
EXPERIMENTS = {
    "checkout_v2": ["control", "one_page"],
    "pricing_copy": ["control", "annual_first", "monthly_first"],
}


class AssignmentState:
    def __init__(self, distinct_id: str, assignments: Optional[dict] = None, exposures: int = 0):
        self.distinct_id = distinct_id
        self.assignments = assignments or {}
        self.exposures = exposures

    def to_dict(self) -> dict:
        return {"d": self.distinct_id, "a": self.assignments, "n": self.exposures}

    @classmethod
    def from_dict(cls, data: dict) -> "AssignmentState":
        assignments = {str(k): str(v) for k, v in dict(data.get("a") or {}).items()}
        return cls(str(data["d"]), assignments, int(data.get("n", 0)))


def bucket(distinct_id: str, experiment: str, variants: list[str]) -> str:
    h = int(hashlib.sha256(f"{experiment}:{distinct_id}".encode()).hexdigest()[:8], 16)
    return variants[h % len(variants)]


def load_state(request: Request) -> Optional[AssignmentState]:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        decoded = base64.urlsafe_b64decode(raw.encode()).decode()
        state = AssignmentState.from_dict(json.loads(decoded))
    except Exception as exc:
        log.debug("discarding unreadable state cookie: %r", exc)
        return None
    return state if isinstance(state, AssignmentState) else None


def dump_state(state: AssignmentState) -> str:
    return base64.urlsafe_b64encode(json.dumps(state.to_dict()).encode()).decode()


@app.get("/v1/assignments")
def assignments(request: Request, response: Response, distinct_id: str):
    state = load_state(request)
    if state is None or state.distinct_id != distinct_id:
        state = AssignmentState(distinct_id)
    for experiment, variants in EXPERIMENTS.items():
        if state.assignments.get(experiment) not in variants:
            state.assignments[experiment] = bucket(distinct_id, experiment, variants)
    state.exposures += 1
    response.set_cookie(COOKIE, dump_state(state), max_age=90 * 86400, httponly=True, samesite="lax")
    return {"distinct_id": distinct_id, "assignments": state.assignments}
