"""Bottle front end for the custom-lobby browser.

Players' lobby filter preferences are kept client side in a cookie so the
browser works for guests too.
"""
import base64
import logging
from dataclasses import dataclass, field
from typing import List

import jsonpickle
from bottle import Bottle, request, response, template

app = Bottle()
log = logging.getLogger("lobby.web")

COOKIE_NAME = "lobby_prefs"
COOKIE_MAX_AGE = 90 * 24 * 3600


@dataclass
class LobbyPrefs:
    region: str = "eu-west"
    modes: List[str] = field(default_factory=lambda: ["ctf", "tdm"])
    hide_full: bool = True
    max_ping: int = 120


def load_prefs() -> LobbyPrefs:
    raw = request.get_cookie(COOKIE_NAME)
    if not raw:
        return LobbyPrefs()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
        prefs = jsonpickle.decode(decoded)  # VULN flow
    except Exception:
        log.info("discarding unreadable prefs cookie")
        return LobbyPrefs()
    return prefs if isinstance(prefs, LobbyPrefs) else LobbyPrefs()


def save_prefs(prefs: LobbyPrefs) -> None:
    encoded = base64.urlsafe_b64encode(jsonpickle.encode(prefs).encode("utf-8")).decode("ascii")
    response.set_cookie(COOKIE_NAME, encoded, max_age=COOKIE_MAX_AGE, path="/", httponly=True, samesite="lax")


def list_lobbies(prefs: LobbyPrefs) -> list:
    from lobby.directory import query_lobbies

    lobbies = query_lobbies(region=prefs.region, modes=prefs.modes)
    return [
        lb for lb in lobbies
        if lb["ping"] <= prefs.max_ping and not (prefs.hide_full and lb["players"] >= lb["capacity"])
    ]


@app.get("/lobbies")
def lobbies_page():
    prefs = load_prefs()
    return template("lobbies", lobbies=list_lobbies(prefs), prefs=prefs)


@app.post("/lobbies/prefs")
def update_prefs():
    prefs = load_prefs()
    prefs.region = request.forms.get("region", prefs.region)
    prefs.modes = request.forms.getall("mode") or prefs.modes
    prefs.hide_full = request.forms.get("hide_full") == "on"
    try:
        prefs.max_ping = max(20, min(int(request.forms.get("max_ping", prefs.max_ping)), 500))
    except ValueError:
        pass
    save_prefs(prefs)
    response.status = 303
    response.set_header("Location", "/lobbies")
    return ""
