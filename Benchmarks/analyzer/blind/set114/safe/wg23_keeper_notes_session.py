"""Bottle app for keepers' daily round notes.

Draft notes and the keeper's current section are kept client-side in a cookie
so that a tablet reboot mid-round doesn't lose anything.
"""
import base64
import dataclasses
import hashlib
import hmac
import json
import logging
import os
import time
from dataclasses import dataclass, field

from bottle import Bottle, redirect, request, response, template

log = logging.getLogger("round_notes")
app = Bottle()

COOKIE = "rn_state"
STATE_KEY = os.environ["ROUND_NOTES_COOKIE_KEY"].encode()


@dataclass
class RoundState:
    keeper: str = ""
    section: str = ""
    drafts: dict = field(default_factory=dict)
    started: float = field(default_factory=time.time)


def _sign(payload: bytes) -> str:
    return hmac.new(STATE_KEY, payload, hashlib.sha256).hexdigest()


def load_state() -> RoundState:
    raw = request.get_cookie(COOKIE)
    if not raw:
        return RoundState()
    try:
        body, _, sig = raw.rpartition(".")
        payload = base64.urlsafe_b64decode(body.encode())
        if not hmac.compare_digest(_sign(payload), sig):
            raise ValueError("bad signature")
        data = json.loads(payload.decode("utf-8"))
        state = RoundState(
            keeper=str(data["keeper"]), section=str(data["section"]),
            drafts={str(k): str(v) for k, v in data["drafts"].items()}, started=float(data["started"]),
        )
    except Exception:
        log.warning("discarding unreadable round state cookie")
        return RoundState()
    return state


def save_state(state: RoundState) -> None:
    payload = json.dumps(dataclasses.asdict(state)).encode("utf-8")
    encoded = base64.urlsafe_b64encode(payload).decode() + "." + _sign(payload)
    response.set_cookie(COOKIE, encoded, path="/", httponly=True, max_age=12 * 3600)


@app.get("/round")
def show_round():
    state = load_state()
    if not state.keeper:
        return redirect("/round/start")
    return template("round", state=state)


@app.post("/round/start")
def start_round():
    state = RoundState(keeper=request.forms.getunicode("keeper", ""), section=request.forms.getunicode("section", ""))
    save_state(state)
    return redirect("/round")


@app.post("/round/draft/<animal_id>")
def save_draft(animal_id):
    state = load_state()
    state.drafts[animal_id] = request.forms.getunicode("note", "")
    save_state(state)
    return {"saved": animal_id, "drafts": len(state.drafts)}


@app.post("/round/finish")
def finish_round():
    state = load_state()
    log.info("round finished by %r with %d notes", state.keeper, len(state.drafts))
    response.delete_cookie(COOKIE, path="/")
    return {"submitted": len(state.drafts)}
