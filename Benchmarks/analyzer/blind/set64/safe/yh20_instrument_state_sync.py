"""Instrument state sync endpoint (Bottle).

Bench instruments (balances, pH meters, viscometers) run a small agent that
periodically posts its calibration state so LIMS can block out-of-cal use.
"""
import json
import logging
from datetime import datetime

from bottle import Bottle, HTTPError, request, response

app = Bottle()
log = logging.getLogger("lims.sync")

_STATE = {}
FIELDS = ("instrument_id", "last_cal", "due", "result", "technician")


class CalibrationState:
    def __init__(self, instrument_id, last_cal, due, result, technician=None):
        self.instrument_id = instrument_id
        self.last_cal = last_cal
        self.due = due
        self.result = result
        self.technician = technician

    def overdue(self, now=None):
        now = now or datetime.utcnow()
        return datetime.fromisoformat(self.due) < now

    def as_dict(self):
        return {
            "instrument_id": self.instrument_id,
            "last_cal": self.last_cal,
            "due": self.due,
            "result": self.result,
            "overdue": self.overdue(),
        }


def read_state(body: str) -> CalibrationState:
    data = json.loads(body)
    if not isinstance(data, dict):
        raise ValueError("payload is not a calibration state")
    state = CalibrationState(**{k: str(data[k]) for k in FIELDS if k in data})
    datetime.fromisoformat(state.due)
    return state


@app.post("/lims/instruments/state")
def push_state():
    raw = request.body.read().decode("utf-8")
    try:
        state = read_state(raw)
    except (ValueError, TypeError) as exc:
        raise HTTPError(400, "invalid state: %s" % exc)
    _STATE[state.instrument_id] = state
    log.info("state update from %r (due %r)", state.instrument_id, state.due)
    response.content_type = "application/json"
    return {"ok": True, "overdue": state.overdue()}


@app.get("/lims/instruments/<instrument_id>/state")
def get_state(instrument_id):
    state = _STATE.get(instrument_id)
    if state is None:
        raise HTTPError(404, "unknown instrument")
    return state.as_dict()


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8085)
