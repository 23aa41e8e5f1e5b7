"""Experiment assignment service.

The client keeps its assignment state in a cookie so that anonymous
visitors see a stable variant across page loads.
"""
import base64
import hashlib
import logging
from typing import Optional

import jsonpickle
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


def bucket(distinct_id: str, experiment: str, variants: list[str]) -> str:
    h = int(hashlib.sha256(f"{experiment}:{distinct_id}".encode()).hexdigest()[:8], 16)
    return variants[h % len(variants)]


def load_state(request: Request) -> Optional[AssignmentState]:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        decoded = base64.urlsafe_b64decode(raw.encode()).decode()
        state = jsonpickle.decode(decoded)  # VULN flow
    except Exception as exc:
        log.debug("discarding unreadable state cookie: %r", exc)
        return None
    return state if isinstance(state, AssignmentState) else None


def dump_state(state: AssignmentState) -> str:
    return base64.urlsafe_b64encode(jsonpickle.encode(state).encode()).decode()


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
