"""One-click unsubscribe and preference-centre links embedded in campaign e-mails."""
import hashlib
import hmac
import logging
import os
import threading
from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

app = Flask(__name__)
log = logging.getLogger("mailer.unsubscribe")

SIGNING_KEY = os.environ["UNSUB_SIGNING_KEY"].encode()
DEFAULT_LANDING = "https://www.example-mailer.com/unsubscribed"
ALLOWED_HOSTS = {"www.example-mailer.com", "help.example-mailer.com"}


def sign(email: str) -> str:
    return hmac.new(SIGNING_KEY, email.lower().encode(), hashlib.sha256).hexdigest()


def safe_target(url, fallback):
    if not url or "\\" in url:
        return fallback
    parsed = urlparse(url)
    if not parsed.scheme and not parsed.netloc and url.startswith("/") and not url.startswith("//"):
        return url
    if parsed.scheme == "https" and parsed.hostname in ALLOWED_HOSTS:
        return url
    return fallback


class SuppressionList:
    def __init__(self):
        self._lock = threading.Lock()
        self._entries = {}

    def add(self, email, list_id=None):
        with self._lock:
            self._entries.setdefault(email.lower(), set()).add(list_id or "*")

    def is_suppressed(self, email, list_id):
        lists = self._entries.get(email.lower(), set())
        return "*" in lists or list_id in lists


suppressions = SuppressionList()


def landing_for(args):
    target = args.get("next")
    if not target:
        target = DEFAULT_LANDING
    return safe_target(target, DEFAULT_LANDING)


@app.get("/u/<email>/<sig>")
def unsubscribe(email, sig):
    if not hmac.compare_digest(sign(email), sig):
        abort(403)
    suppressions.add(email, list_id=request.args.get("list"))
    log.info("unsubscribed %r from list %r", email, request.args.get("list"))
    target = landing_for(request.args)
    return redirect(target)


@app.post("/prefs/<email>/<sig>")
def save_preferences(email, sig):
    if not hmac.compare_digest(sign(email), sig):
        abort(403)
    for list_id in request.form.getlist("unsubscribe"):
        suppressions.add(email, list_id=list_id)
    return redirect(safe_target(request.args.get("return_to", "/prefs/done"), "/prefs/done"))


@app.get("/prefs/done")
def preferences_done():
    return "Your preferences have been saved."
