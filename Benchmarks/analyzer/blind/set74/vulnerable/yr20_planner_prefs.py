"""Course planner: keep the student's planner preferences in a cookie so the
planner page renders without a database round trip."""
import base64
import logging
from typing import List, Optional

import jsonpickle
from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("planner.prefs")

COOKIE = "planner_prefs"
COOKIE_MAX_AGE = 180 * 24 * 3600
CAMPUSES = {"main", "downtown", "online"}


class PlannerPrefs:
    def __init__(self, terms: Optional[List[str]] = None, hide_full: bool = False,
                 campus: str = "main", pinned: Optional[List[str]] = None):
        self.terms = terms or []
        self.hide_full = hide_full
        self.campus = campus
        self.pinned = pinned or []

    def to_dict(self) -> dict:
        return {"terms": self.terms, "hide_full": self.hide_full,
                "campus": self.campus, "pinned": self.pinned}


def load_prefs(req) -> PlannerPrefs:
    raw = req.cookies.get(COOKIE)
    if not raw:
        return PlannerPrefs()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
        prefs = jsonpickle.decode(decoded)  # VULN flow
    except Exception:
        log.info("discarding unreadable planner cookie")
        return PlannerPrefs()
    return prefs if isinstance(prefs, PlannerPrefs) else PlannerPrefs()


def dump_prefs(prefs: PlannerPrefs) -> str:
    return base64.urlsafe_b64encode(jsonpickle.encode(prefs).encode("utf-8")).decode("ascii")


@app.route("/planner/prefs", methods=["GET"])
def get_prefs():
    return jsonify(load_prefs(request).to_dict())


@app.route("/planner/prefs", methods=["POST"])
def update_prefs():
    body = request.get_json(silent=True) or {}
    prefs = load_prefs(request)
    if "terms" in body:
        prefs.terms = [str(t)[:8] for t in body["terms"]][:6]
    if "hide_full" in body:
        prefs.hide_full = bool(body["hide_full"])
    if body.get("campus") in CAMPUSES:
        prefs.campus = body["campus"]
    if "pinned" in body:
        prefs.pinned = [str(c)[:10] for c in body["pinned"]][:20]

    resp = make_response(jsonify(prefs.to_dict()))
    resp.set_cookie(COOKIE, dump_prefs(prefs), max_age=COOKIE_MAX_AGE,
                    httponly=True, secure=True, samesite="Lax")
    return resp
