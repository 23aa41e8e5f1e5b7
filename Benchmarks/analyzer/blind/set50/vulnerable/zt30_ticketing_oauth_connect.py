"""OAuth2 connect flow for the ticketing-system integration."""
import logging
import os
import random
import string
import time
from urllib.parse import urlencode

import falcon
import requests

log = logging.getLogger("tickets-oauth")

AUTHORIZE_URL = "https://tickets.example.com/oauth/authorize"
TOKEN_URL = "https://tickets.example.com/oauth/token"
CLIENT_ID = os.environ["TICKETS_CLIENT_ID"]
CLIENT_SECRET = os.environ["TICKETS_CLIENT_SECRET"]
REDIRECT_URI = os.environ.get("TICKETS_REDIRECT_URI", "https://noc.example.com/integrations/tickets/callback")
STATE_TTL = 600

PENDING = {}
TOKENS = {}


def new_state() -> str:
    return "".join(random.choices(string.ascii_letters + string.digits, k=32))  # VULN


class ConnectResource:
    def on_get(self, req, resp):
        state = new_state()
        PENDING[state] = {
            "return_to": req.get_param("return_to", default="/integrations"),
            "created": time.time(),
        }
        query = urlencode({
            "response_type": "code",
            "client_id": CLIENT_ID,
            "redirect_uri": REDIRECT_URI,
            "scope": "incidents:write",
            "state": state,
        })
        raise falcon.HTTPFound(f"{AUTHORIZE_URL}?{query}")


class CallbackResource:
    def on_get(self, req, resp):
        state = req.get_param("state", required=True)
        pending = PENDING.pop(state, None)
        if not pending or time.time() - pending["created"] > STATE_TTL:
            raise falcon.HTTPBadRequest(title="invalid or expired state")
        code = req.get_param("code", required=True)
        r = requests.post(TOKEN_URL, data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT_URI,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        }, timeout=10)
        if r.status_code != 200:
            log.error("token exchange failed with HTTP %s", r.status_code)
            raise falcon.HTTPBadGateway(title="token exchange failed")
        TOKENS["tickets"] = r.json()
        log.info("ticketing integration connected")
        destination = pending["return_to"]
        raise falcon.HTTPFound(destination)  # VULN flow


app = falcon.App()
app.add_route("/integrations/tickets/connect", ConnectResource())
app.add_route("/integrations/tickets/callback", CallbackResource())
