"""Tenant portal display preferences kept client-side in a cookie."""
import base64
import json
import logging
from dataclasses import asdict, dataclass, field

from flask import Blueprint, g, jsonify, make_response, request

bp = Blueprint("prefs", __name__, url_prefix="/api/prefs")
log = logging.getLogger("portal.prefs")

PREF_COOKIE = "rp_prefs"
COOKIE_MAX_AGE = 180 * 24 * 3600
WIDGETS = {"balance", "work_orders", "packages", "guest_codes", "announcements"}


@dataclass
class PortalPreferences:
    language: str = "en"
    theme: str = "light"
    ledger_page_size: int = 25
    notify_sms: bool = True
    notify_email: bool = True
    pinned_widgets: list = field(default_factory=lambda: ["balance", "work_orders"])

    @classmethod
    def from_dict(cls, data: dict) -> "PortalPreferences":
        prefs = cls()
        apply_updates(prefs, data)
        widgets = data.get("pinned_widgets")
        if isinstance(widgets, list):
            prefs.pinned_widgets = [w for w in widgets if w in WIDGETS][:6]
        return prefs


def apply_updates(prefs: PortalPreferences, body: dict) -> None:
    if body.get("language") in {"en", "es", "fr", "zh", "vi"}:
        prefs.language = body["language"]
    if body.get("theme") in {"light", "dark", "high-contrast"}:
        prefs.theme = body["theme"]
    if isinstance(body.get("ledger_page_size"), int) and 10 <= body["ledger_page_size"] <= 100:
        prefs.ledger_page_size = body["ledger_page_size"]
    for flag in ("notify_sms", "notify_email"):
        if isinstance(body.get(flag), bool):
            setattr(prefs, flag, body[flag])


def serialize_prefs(prefs: PortalPreferences) -> str:
    return base64.urlsafe_b64encode(json.dumps(asdict(prefs)).encode()).decode()


def load_prefs() -> PortalPreferences:
    raw = request.cookies.get(PREF_COOKIE)
    if not raw:
        return PortalPreferences()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode()).decode("utf-8")
        data = json.loads(decoded)
    except (ValueError, UnicodeDecodeError):
        log.info("discarding unreadable preferences cookie")
        return PortalPreferences()
    return PortalPreferences.from_dict(data) if isinstance(data, dict) else PortalPreferences()


@bp.before_app_request
def attach_prefs():
    g.prefs = load_prefs()


@bp.get("")
def get_prefs():
    return jsonify(asdict(g.prefs))


@bp.put("")
def update_prefs():
    body = request.get_json(silent=True) or {}
    prefs = g.prefs
    apply_updates(prefs, body)
    resp = make_response(jsonify(asdict(prefs)))
    resp.set_cookie(PREF_COOKIE, serialize_prefs(prefs), max_age=COOKIE_MAX_AGE,
                    secure=True, httponly=True, samesite="Lax")
    return resp
