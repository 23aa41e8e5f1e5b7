"""Receives bed census snapshots pushed by ward tablets."""
import base64
import json
import logging
from dataclasses import dataclass, field
from typing import Dict

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("beds.census")


@dataclass
class WardCensus:
    ward_code: str
    staffed_beds: int
    occupied: int
    blocked: int = 0
    isolation: Dict[str, int] = field(default_factory=dict)

    @property
    def available(self) -> int:
        return max(self.staffed_beds - self.occupied - self.blocked, 0)


class CensusStore:
    def __init__(self):
        self._latest: Dict[str, WardCensus] = {}

    def put(self, census: WardCensus) -> None:
        self._latest[census.ward_code] = census

    def summary(self) -> Dict[str, int]:
        return {code: c.available for code, c in self._latest.items()}


store = CensusStore()


def decode_snapshot(blob: str) -> WardCensus:
    raw = base64.b64decode(blob)
    data = json.loads(raw)
    snapshot = WardCensus(
        ward_code=str(data["ward_code"]),
        staffed_beds=int(data["staffed_beds"]),
        occupied=int(data["occupied"]),
        blocked=int(data.get("blocked", 0)),
        isolation={str(k): int(v) for k, v in data.get("isolation", {}).items()},
    )
    return snapshot


@app.route("/census/<ward_code>", methods=["POST"])
def push_census(ward_code):
    payload = request.get_json(silent=True) or {}
    blob = payload.get("snapshot")
    if not blob:
        abort(400)
    try:
        census = decode_snapshot(blob)
    except Exception:
        log.warning("bad census snapshot for ward %r", ward_code)
        abort(422)
    if census.ward_code != ward_code:
        abort(409)
    store.put(census)
    return jsonify({"ward": ward_code, "available": census.available})


@app.route("/census")
def census_summary():
    return jsonify(store.summary())
