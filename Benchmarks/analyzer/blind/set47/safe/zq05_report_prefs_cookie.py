"""Saved report filters for the group financial reporting UI.

Users tweak the consolidation view (entity, currency, periods) and the
choices are kept client-side in a cookie so they survive across sessions.
"""
import base64
import binascii
import json
import logging
from dataclasses import asdict, dataclass, field
from typing import List

from flask import Flask, jsonify, make_response, request

from reporting.consolidation import consolidated_view

app = Flask(__name__)
log = logging.getLogger("reporting.prefs")
PREFS_COOKIE = "rpt_prefs"
COOKIE_MAX_AGE = 60 * 60 * 24 * 180


@dataclass
class ReportPrefs:
    entity: str = "GROUP"
    currency: str = "EUR"
    periods: List[str] = field(default_factory=lambda: ["2024Q4"])
    show_eliminations: bool = False


def dump_prefs(prefs: ReportPrefs) -> str:
    return base64.urlsafe_b64encode(json.dumps(asdict(prefs)).encode("utf-8")).decode("ascii")


def load_prefs(raw: str) -> ReportPrefs:
    try:
        blob = base64.urlsafe_b64decode(raw.encode("ascii"))
        data = json.loads(blob)
    except (binascii.Error, ValueError):
        return ReportPrefs()
    if not isinstance(data, dict):
        return ReportPrefs()
    known = {k: v for k, v in data.items() if k in ReportPrefs.__dataclass_fields__}
    return ReportPrefs(**known)


def current_prefs() -> ReportPrefs:
    raw = request.cookies.get(PREFS_COOKIE)
    return load_prefs(raw) if raw else ReportPrefs()


@app.get("/reports/prefs")
def get_prefs():
    return jsonify(asdict(current_prefs()))


@app.post("/reports/prefs")
def save_prefs():
    prefs = current_prefs()
    body = request.get_json(silent=True) or {}
    for key in ("entity", "currency", "periods", "show_eliminations"):
        if key in body:
            setattr(prefs, key, body[key])
    resp = make_response(jsonify(asdict(prefs)))
    resp.set_cookie(PREFS_COOKIE, dump_prefs(prefs), max_age=COOKIE_MAX_AGE,
                    httponly=True, secure=True, samesite="Lax")
    return resp


@app.get("/reports/consolidated")
def consolidated():
    prefs = current_prefs()
    log.info("consolidated view entity=%r periods=%r", prefs.entity, prefs.periods)
    view = consolidated_view(
        entity=prefs.entity,
        currency=prefs.currency,
        periods=prefs.periods,
        eliminations=prefs.show_eliminations,
    )
    return jsonify(view)
