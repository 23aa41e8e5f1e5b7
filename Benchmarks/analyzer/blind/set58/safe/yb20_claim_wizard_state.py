"""Multi-step claim filing wizard; progress is kept client-side in a cookie."""
import base64
import hashlib
import hmac
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from typing import Dict, List, Optional

from fastapi import Cookie, FastAPI, Response
from pydantic import BaseModel

app = FastAPI(title="claim-wizard")
log = logging.getLogger("claims.wizard")

COOKIE_NAME = "claim_wizard"
STEPS = ["policy", "incident", "damages", "documents", "review"]
SIGNING_KEY = os.environ["WIZARD_COOKIE_KEY"].encode()


@dataclass
class WizardState:
    step: int = 0
    answers: Dict[str, dict] = field(default_factory=dict)
    uploaded: List[str] = field(default_factory=list)

    @property
    def current(self) -> str:
        return STEPS[min(self.step, len(STEPS) - 1)]


class StepPayload(BaseModel):
    answers: dict


def _sign(data: bytes) -> str:
    return hmac.new(SIGNING_KEY, data, hashlib.sha256).hexdigest()


def dump_state(state: WizardState) -> str:
    data = json.dumps(asdict(state), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(data).decode("ascii") + "." + _sign(data)


def load_state(cookie_value: Optional[str]) -> WizardState:
    if not cookie_value or "." not in cookie_value:
        return WizardState()
    encoded, signature = cookie_value.rsplit(".", 1)
    raw = base64.urlsafe_b64decode(encoded.encode("ascii"))
    if not hmac.compare_digest(_sign(raw), signature):
        return WizardState()
    data = json.loads(raw)
    try:
        return WizardState(step=int(data["step"]), answers=dict(data["answers"]),
                           uploaded=list(data["uploaded"]))
    except (KeyError, TypeError, ValueError):
        return WizardState()


@app.get("/wizard")
def current_step(claim_wizard: Optional[str] = Cookie(default=None)):
    state = load_state(claim_wizard)
    return {"step": state.current, "answers": state.answers.get(state.current, {})}


@app.post("/wizard/next")
def submit_step(payload: StepPayload, response: Response,
                claim_wizard: Optional[str] = Cookie(default=None)):
    state = load_state(claim_wizard)
    state.answers[state.current] = payload.answers
    if state.step < len(STEPS) - 1:
        state.step += 1
    response.set_cookie(COOKIE_NAME, dump_state(state), httponly=True, secure=True, samesite="lax")
    log.debug("wizard advanced to %s", state.current)
    return {"step": state.current}


@app.post("/wizard/reset")
def reset(response: Response):
    response.delete_cookie(COOKIE_NAME)
    return {"step": STEPS[0]}
