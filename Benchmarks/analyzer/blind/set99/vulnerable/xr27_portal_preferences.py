"""Tenant portal display preferences kept client-side in a cookie."""
import base64
import logging
from dataclasses import dataclass, field

import jsonpickle
from flask import Blueprint, g, jsonify, make_response, request

bp = Blueprint("prefs", __name__, url_prefix="/api/prefs")
log = logging.getLogger("portal.prefs")

PREF_COOKIE = "rp_prefs"
COOKIE_MAX_AGE = 180 * 24 * 3600


@dataclass
class PortalPreferences:
    language: str = "en"
    theme: str = "light"
    ledger_page_size: int = 25
    notify_sms: bool = True
    notify_email: bool = True
    pinned_widgets: list = field(default_factory=lambda: ["balance", "work_orders"])


def serialize_prefs(prefs: PortalPreferences) -> str:
    return base64.urlsafe_b64encode(jsonpickle.encode(prefs).encode()).decode()


def load_prefs() -> PortalPreferences:
    raw = request.cookies.get(PREF_COOKIE)
    if not raw:
        return PortalPreferences()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode()).decode("utf-8")
        prefs = jsonpickle.decode(decoded)  # VULN flow
    except (ValueError, UnicodeDecodeError):
        log.info("discarding unreadable preferences cookie")
        return PortalPreferences()
    return prefs if isinstance(prefs, PortalPreferences) else PortalPreferences()


@bp.before_app_request
def attach_prefs():
    g.prefs = load_prefs()


@bp.get("")
def get_prefs():
    return jsonify(vars(g.prefs))


@bp.put("")
def update_prefs():
    body = request.get_json(silent=True) or {}
    prefs = g.prefs
    if body.get("language") in {"en", "es", "fr", "zh", "vi"}:
        prefs.language = body["language"]
    if body.get("theme") in {"light", "dark", "high-contrast"}:
        prefs.theme = body["theme"]
    if isinstance(body.get("ledger_page_size"), int) and 10 <= body["ledger_page_size"] <= 100:
        prefs.ledger_page_size = body["ledger_page_size"]
    for flag in ("notify_sms", "notify_email"):
        if isinstance(body.get(flag), bool):
            setattr(prefs, flag, body[flag])
    resp = make_response(jsonify(vars(prefs)))
    resp.set_cookie(PREF_COOKIE, serialize_prefs(prefs), max_age=COOKIE_MAX_AGE,
                    secure=True, httponly=True, samesite="Lax")
    return resp
