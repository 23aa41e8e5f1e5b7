"""Poll worker check-in service used on election-day tablets.

Workers scan their badge at the precinct; on success the tablet receives a
short session code that unlocks the e-pollbook for that shift.
"""
import csv
import logging
import random
import string
from datetime import datetime, timezone

from flask import Flask, jsonify, request

app = Flask(__name__)
audit = logging.getLogger("pollworker.audit")
logging.basicConfig(
    filename="/var/log/civic/checkin.log",
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(message)s",
)

ROSTER: dict = {}
ACTIVE_SESSIONS: dict = {}


def load_roster(path: str) -> None:
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            ROSTER[row["worker_id"]] = {"name": row["name"], "precinct": row["precinct"], "role": row["role"]}


def session_code(length: int = 8) -> str:
    return "".join(random.choices(string.ascii_uppercase + string.digits, k=length))  # VULN


@app.post("/api/checkin")
def checkin():
    data = request.get_json(silent=True) or {}
    entry = {
        "worker": str(data.get("worker_id", "")),
        "precinct": str(data.get("precinct", "")),
        "device": request.headers.get("X-Device-Name", "unknown"),
        "at": datetime.now(timezone.utc).isoformat(),
    }
    worker = ROSTER.get(entry["worker"])
    if worker is None or worker["precinct"] != entry["precinct"]:
        audit.warning("rejected check-in worker=%s precinct=%s device=%s", entry["worker"], entry["precinct"], entry["device"])  # VULN flow
        return jsonify(error="not assigned to this precinct"), 403

    code = session_code()
    ACTIVE_SESSIONS[code] = entry
    audit.info("check-in worker=%r precinct=%r role=%r", entry["worker"], entry["precinct"], worker["role"])
    return jsonify(session_code=code, role=worker["role"], precinct=worker["precinct"])


@app.post("/api/checkout")
def checkout():
    code = (request.get_json(silent=True) or {}).get("session_code", "")
    entry = ACTIVE_SESSIONS.pop(code, None)
    if entry is None:
        return jsonify(error="unknown session"), 404
    audit.info("check-out worker=%r precinct=%r", entry["worker"], entry["precinct"])
    return jsonify(ok=True)


if __name__ == "__main__":
    load_roster("/etc/civic/pollworkers.csv")
    app.run(host="127.0.0.1", port=5050)
