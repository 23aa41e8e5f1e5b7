"""Bottle-based ISP customer portal: dashboard preferences kept client-side in a cookie."""
import base64
import hashlib
import hmac
import json
import logging
import os
from dataclasses import asdict, dataclass, field

from bottle import Bottle, redirect, request, response, template

app = Bottle()
log = logging.getLogger("portal.prefs")

COOKIE_NAME = "portal_prefs"
COOKIE_MAX_AGE = 180 * 24 * 3600
COOKIE_KEY = os.environ["PORTAL_COOKIE_KEY"].encode()
WIDGETS = ("usage", "invoices", "outages", "speedtest", "support")


@dataclass
class PortalPrefs:
    language: str = "en"
    widgets: list = field(default_factory=lambda: ["usage", "invoices"])
    dark_mode: bool = False
    usage_unit: str = "GB"


def _sign(data: bytes) -> str:
    return hmac.new(COOKIE_KEY, data, hashlib.sha256).hexdigest()


def load_prefs() -> PortalPrefs:
    raw = request.get_cookie(COOKIE_NAME)
    if not raw:
        return PortalPrefs()
    try:
        payload, _, signature = raw.rpartition(".")
        decoded = base64.urlsafe_b64decode(payload.encode("ascii"))
        if not hmac.compare_digest(_sign(decoded), signature):
            raise ValueError("bad signature")
        data = json.loads(decoded.decode("utf-8"))
        prefs = PortalPrefs(language=str(data["language"])[:5], widgets=[str(w) for w in data["widgets"]],
                            dark_mode=bool(data["dark_mode"]), usage_unit=str(data["usage_unit"]))
    except Exception:
        log.info("discarding unreadable preference cookie")
        return PortalPrefs()
    return prefs


def save_prefs(prefs: PortalPrefs) -> None:
    data = json.dumps(asdict(prefs)).encode("utf-8")
    encoded = base64.urlsafe_b64encode(data).decode("ascii") + "." + _sign(data)
    response.set_cookie(COOKIE_NAME, encoded, max_age=COOKIE_MAX_AGE, httponly=True,
                        secure=True, samesite="lax", path="/")


@app.get("/dashboard")
def dashboard():
    prefs = load_prefs()
    return template("dashboard", prefs=prefs, widgets=[w for w in prefs.widgets if w in WIDGETS])


@app.post("/preferences")
def update_preferences():
    prefs = load_prefs()
    prefs.language = request.forms.get("language", prefs.language)[:5]
    prefs.dark_mode = request.forms.get("dark_mode") == "on"
    unit = request.forms.get("usage_unit", prefs.usage_unit)
    prefs.usage_unit = unit if unit in ("MB", "GB", "TB") else "GB"
    chosen = request.forms.getall("widgets")
    if chosen:
        prefs.widgets = [w for w in chosen if w in WIDGETS]
    save_prefs(prefs)
    redirect("/dashboard")
