"""Day-pass checkout. Visitors pick a pass on a partner page or our own
site, pay on the provider's hosted page and are sent back to where they
started."""
import logging
import os
import secrets
import time
from urllib.parse import urlencode, urlsplit

import requests
from fastapi import FastAPI, HTTPException
from fastapi.responses import RedirectResponse

log = logging.getLogger("daypass")
app = FastAPI()

PROVIDER_CHECKOUT = "https://checkout.paydesk.io/session"
PROVIDER_API = "https://api.paydesk.io/v2"
CALLBACK_URL = "https://portal.wm-cowork.eu/passes/callback"
PASSES = {"day": 2500, "half-day": 1500, "meeting-room-hour": 1200}
PENDING_TTL = 1800

# state -> checkout context; redis in production
PENDING: dict = {}


def local_return_path(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//"):
        return "/passes/thanks"
    if "\\" in value or any(ord(ch) < 33 for ch in value):
        return "/passes/thanks"
    return value


def provider_session_paid(state: str) -> bool:
    resp = requests.get(
        f"{PROVIDER_API}/sessions/{state}",
        headers={"Authorization": f"Bearer {os.environ['PAYDESK_API_KEY']}"},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json().get("status") == "paid"


@app.get("/passes/checkout")
def start_checkout(pass_type: str, email: str, return_to: str = "/passes/thanks"):
    if pass_type not in PASSES:
        raise HTTPException(status_code=404, detail="unknown pass")
    state = secrets.token_urlsafe(24)
    PENDING[state] = {"pass": pass_type, "email": email, "return_to": local_return_path(return_to),
                      "created": time.time()}
    log.info("checkout started for %r (%s)", email, pass_type)
    params = urlencode({
        "amount": PASSES[pass_type],
        "currency": "EUR",
        "state": state,
        "callback": CALLBACK_URL,
        "email": email,
    })
    return RedirectResponse(f"{PROVIDER_CHECKOUT}?{params}", status_code=303)


@app.get("/passes/callback")
def checkout_callback(state: str):
    ctx = PENDING.pop(state, None)
    if ctx is None or time.time() - ctx["created"] > PENDING_TTL:
        raise HTTPException(status_code=400, detail="unknown or expired checkout")
    if not provider_session_paid(state):
        return RedirectResponse("/passes?cancelled=1", status_code=303)
    log.info("day pass %s paid", ctx["pass"])
    target = ctx["return_to"]
    return RedirectResponse(target, status_code=303)
