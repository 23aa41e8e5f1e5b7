"""Bottle-based ISP customer portal: dashboard preferences kept client-side in a cookie."""
import base64
import logging
from dataclasses import dataclass, field

import jsonpickle
from bottle import Bottle, redirect, request, response, template

app = Bottle()
log = logging.getLogger("portal.prefs")

COOKIE_NAME = "portal_prefs"
COOKIE_MAX_AGE = 180 * 24 * 3600
WIDGETS = ("usage", "invoices", "outages", "speedtest", "support")


@dataclass
class PortalPrefs:
    language: str = "en"
    widgets: list = field(default_factory=lambda: ["usage", "invoices"])
    dark_mode: bool = False
    usage_unit: str = "GB"


def load_prefs() -> PortalPrefs:
    raw = request.get_cookie(COOKIE_NAME)
    if not raw:
        return PortalPrefs()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
        prefs = jsonpickle.decode(decoded)  # VULN flow
    except Exception:
        log.info("discarding unreadable preference cookie")
        return PortalPrefs()
    return prefs if isinstance(prefs, PortalPrefs) else PortalPrefs()


def save_prefs(prefs: PortalPrefs) -> None:
    encoded = base64.urlsafe_b64encode(jsonpickle.encode(prefs).encode("utf-8")).decode("ascii")
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
