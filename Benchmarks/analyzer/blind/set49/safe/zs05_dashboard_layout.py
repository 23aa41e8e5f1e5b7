"""Per-user dashboard layout persistence.

Layouts are small, so rather than a DB table we keep them client-side in a
cookie and rebuild the widget grid from it on each page load.
"""
import base64
import json
import logging

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("dashboard.layout")

COOKIE_NAME = "dash_layout"
COOKIE_MAX_AGE = 60 * 60 * 24 * 180
KNOWN_WIDGETS = {"headcount", "attrition", "open_reqs", "payroll_cost", "overtime", "leave_balance"}
DEFAULT_LAYOUT = {
    "columns": 3,
    "widgets": ["headcount", "attrition", "open_reqs", "payroll_cost"],
    "theme": "light",
}


def encode_layout(layout: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(layout).encode("utf-8")).decode("ascii")


def decode_layout(raw: str) -> dict:
    blob = base64.urlsafe_b64decode(raw.encode("ascii"))
    layout = json.loads(blob)
    if not isinstance(layout, dict):
        raise ValueError("layout cookie is not a mapping")
    return layout


def current_layout() -> dict:
    raw = request.cookies.get(COOKIE_NAME)
    if not raw:
        return dict(DEFAULT_LAYOUT)
    try:
        return decode_layout(raw)
    except Exception:
        log.warning("discarding unreadable layout cookie")
        return dict(DEFAULT_LAYOUT)


@app.get("/api/dashboard/layout")
def get_layout():
    return jsonify(current_layout())


@app.put("/api/dashboard/layout")
def save_layout():
    body = request.get_json(force=True) or {}
    layout = current_layout()
    if "columns" in body:
        layout["columns"] = max(1, min(int(body["columns"]), 6))
    if "widgets" in body:
        layout["widgets"] = [w for w in body["widgets"] if w in KNOWN_WIDGETS]
    if body.get("theme") in ("light", "dark"):
        layout["theme"] = body["theme"]
    resp = make_response(jsonify(layout))
    resp.set_cookie(COOKIE_NAME, encode_layout(layout), max_age=COOKIE_MAX_AGE,
                    httponly=True, samesite="Lax")
    return resp
