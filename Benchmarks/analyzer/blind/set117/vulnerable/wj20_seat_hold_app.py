"""Seat hold service: reserves seats for 10 minutes while a patron checks out."""
import logging
import threading
import time
import uuid

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
app.config.update(
    SECRET_KEY="9f2b6c0d4e8a1735b2c9e0f4a6d8c1e3",  # VULN
    SESSION_COOKIE_HTTPONLY=True,
    JSON_SORT_KEYS=False,
)
log = logging.getLogger("holds")

HOLD_SECONDS = 600
_holds = {}
_lock = threading.Lock()


def _purge_expired(now: float) -> None:
    for key in [k for k, h in _holds.items() if h["expires"] < now]:
        del _holds[key]


def _held_seats(performance_id: int):
    return {seat for h in _holds.values() if h["performance_id"] == performance_id for seat in h["seats"]}


@app.post("/performances/<int:performance_id>/holds")
def create_hold(performance_id: int):
    seats = request.get_json(force=True).get("seats", [])
    if not seats or len(seats) > 10:
        abort(400, "between 1 and 10 seats")
    now = time.time()
    with _lock:
        _purge_expired(now)
        clash = _held_seats(performance_id).intersection(seats)
        if clash:
            return jsonify(error="seats unavailable", seats=sorted(clash)), 409
        hold_id = str(uuid.uuid4())
        _holds[hold_id] = {
            "performance_id": performance_id,
            "seats": list(seats),
            "expires": now + HOLD_SECONDS,
        }
    session.setdefault("holds", []).append(hold_id)
    session.modified = True
    return jsonify(hold_id=hold_id, expires_in=HOLD_SECONDS), 201


@app.delete("/holds/<hold_id>")
def release_hold(hold_id: str):
    if hold_id not in session.get("holds", []):
        abort(403)
    with _lock:
        _holds.pop(hold_id, None)
    return "", 204


@app.get("/performances/<int:performance_id>/availability")
def availability(performance_id: int):
    with _lock:
        _purge_expired(time.time())
        held = sorted(_held_seats(performance_id))
    return jsonify(performance_id=performance_id, held=held)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=5000, debug=True)  # VULN
