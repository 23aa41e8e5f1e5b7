"""'Pledge to vote' signup used by the county's civic-engagement campaign.

Partner organisations embed the form and pass ``return_to`` so supporters
land back on the partner's page after pledging.
"""
import html
import logging
import sqlite3
from datetime import datetime, timezone
from urllib.parse import urlparse

import bottle
from bottle import redirect, request

log = logging.getLogger("pledge")
app = bottle.Bottle()
DB_PATH = "/var/lib/civic/pledges.db"
PARTNER_HOSTS = {"vote.county.example.gov", "www.leaguevoters-example.org", "civicyouth.example.org"}

THANKS_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Thanks for pledging!</title></head>
<body><h1>Thanks, {name}!</h1>
<p>We'll remind you before Election Day. Make a plan: check your registration
and find your polling place at <a href="/polling-place">/polling-place</a>.</p>
</body></html>"""


def save_pledge(name: str, email: str, zip_code: str, partner: str) -> None:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(
            "INSERT INTO pledges (name, email, zip, partner, created_at) VALUES (?, ?, ?, ?, ?)",
            (name, email, zip_code, partner, datetime.now(timezone.utc).isoformat()),
        )


def landing_url(form) -> str:
    target = form.get("return_to") or ""
    parsed = urlparse(target)
    if parsed.scheme == "https" and parsed.hostname in PARTNER_HOSTS:
        return target
    return "/pledge/thanks"


@app.post("/pledge")
def pledge():
    name = request.forms.getunicode("name", "").strip()
    email = request.forms.getunicode("email", "").strip().lower()
    zip_code = request.forms.getunicode("zip", "").strip()
    partner = request.forms.getunicode("partner", "county")
    if not name or "@" not in email:
        bottle.abort(400, "name and a valid email are required")
    save_pledge(name, email, zip_code[:10], partner[:40])
    log.info("new pledge via partner %r", partner)
    target = landing_url(request.forms)
    redirect(target)


@app.get("/pledge/thanks")
def thanks():
    return THANKS_HTML.format(name=html.escape(request.query.getunicode("name", "friend")))


@app.get("/pledge/count")
def pledge_count():
    with sqlite3.connect(DB_PATH) as conn:
        (total,) = conn.execute("SELECT COUNT(*) FROM pledges").fetchone()
    return {"pledges": total}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8095)
