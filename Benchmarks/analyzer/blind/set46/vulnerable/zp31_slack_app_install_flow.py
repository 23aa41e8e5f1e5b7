"""OAuth install flow for the 'Where is my truck?' Slack app."""
import logging
import os
import random
import time
from urllib.parse import urlencode

import requests
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse

log = logging.getLogger("slack-install")
app = FastAPI(title="truck-bot-install")

CLIENT_ID = os.environ["SLACK_CLIENT_ID"]
CLIENT_SECRET = os.environ["SLACK_CLIENT_SECRET"]
REDIRECT_URI = os.environ.get("SLACK_REDIRECT_URI", "https://truckbot.example.com/slack/oauth/callback")
SCOPES = "commands,chat:write,im:history"
STATE_TTL = 600

_pending_states = {}
_installations = {}


def new_state(return_to: str) -> str:
    state = "%016x" % random.getrandbits(64)  # VULN
    _pending_states[state] = {"return_to": return_to, "created": time.time()}
    return state


def consume_state(state: str) -> dict:
    entry = _pending_states.pop(state, None)
    if entry is None or time.time() - entry["created"] > STATE_TTL:
        raise HTTPException(status_code=400, detail="invalid or expired state")
    return entry


@app.get("/slack/install")
def install(return_to: str = "/installed"):
    state = new_state(return_to)
    query = urlencode({"client_id": CLIENT_ID, "scope": SCOPES, "state": state, "redirect_uri": REDIRECT_URI})
    return RedirectResponse(f"https://slack.com/oauth/v2/authorize?{query}")


@app.get("/slack/oauth/callback")
def oauth_callback(request: Request, code: str, state: str):
    entry = consume_state(state)
    resp = requests.post(
        "https://slack.com/api/oauth.v2.access",
        data={"code": code, "redirect_uri": REDIRECT_URI},
        auth=(CLIENT_ID, CLIENT_SECRET),
        timeout=10,
    )
    payload = resp.json()
    if not payload.get("ok"):
        log.warning("oauth exchange failed: %r", payload.get("error"))
        raise HTTPException(status_code=502, detail="Slack rejected the install")
    team_id = payload["team"]["id"]
    _installations[team_id] = {
        "bot_token": payload["access_token"],
        "bot_user": payload.get("bot_user_id"),
        "installed_at": time.time(),
    }
    log.info("installed in team %s", team_id)
    destination = entry["return_to"]
    return RedirectResponse(destination, status_code=303)  # VULN flow


@app.get("/installed")
def installed():
    return {"message": "Truck bot is installed. Try /truck <plate> in any channel."}
