"""One-click unsubscribe endpoint for notification e-mails (likes, matches, digests)."""
import base64
import hashlib
import hmac
import logging
import os
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import RedirectResponse

app = FastAPI()
log = logging.getLogger("unsubscribe")

SIGNING_KEY = os.environ["UNSUBSCRIBE_SIGNING_KEY"].encode()
DEFAULT_LANDING = "https://heartline.example/settings/notifications?unsubscribed=1"
LANDING_HOSTS = {"heartline.example", "www.heartline.example", "help.heartline.example"}
LISTS = {"digest", "new_match", "likes", "messages", "promotions"}
SUPPRESSIONS = set()


def sign(email: str) -> str:
    mac = hmac.new(SIGNING_KEY, email.lower().encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def verify(email: str, token: str) -> bool:
    return hmac.compare_digest(sign(email), token)


def landing_url(return_to):
    if return_to:
        parts = urlsplit(return_to)
        if parts.scheme == "https" and parts.hostname in LANDING_HOSTS and not parts.username:
            return return_to
    return DEFAULT_LANDING


@app.get("/u/unsubscribe")
def unsubscribe(
    email: str = Query(..., max_length=254),
    token: str = Query(...),
    list_name: str = Query("digest", alias="list"),
    return_to: str = Query(None),
):
    if not verify(email, token):
        raise HTTPException(status_code=403, detail="bad link")
    log.info("unsubscribe request email_hash=%s list=%r", sign(email)[:10], list_name)
    if list_name == "all":
        for name in LISTS:
            SUPPRESSIONS.add((email.lower(), name))
    elif list_name in LISTS:
        SUPPRESSIONS.add((email.lower(), list_name))
    else:
        raise HTTPException(status_code=404, detail="unknown list")
    target = landing_url(return_to)
    return RedirectResponse(target, status_code=303)


@app.get("/u/resubscribe")
def resubscribe(email: str, token: str, list_name: str = Query("digest", alias="list")):
    if not verify(email, token):
        raise HTTPException(status_code=403, detail="bad link")
    SUPPRESSIONS.discard((email.lower(), list_name))
    return {"resubscribed": list_name in LISTS}
