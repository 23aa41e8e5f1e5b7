"""Alumni events: RSVP endpoint used by the links in emailed invitations.

Invitation links look like
    https://alumni.campus.example.edu/events/418/rsvp?name=Dana&return_to=/events
"""
import html
import logging
import os
import sqlite3
from datetime import datetime, timezone
from urllib.parse import urlsplit

import falcon

log = logging.getLogger("alumni.rsvp")

DB_PATH = os.environ.get("ALUMNI_EVENTS_DB", "/var/lib/alumni/events.sqlite3")

CONFIRM_PAGE = """<!doctype html>
<html><head><title>RSVP: {title}</title></head>
<body>
<h1>{title}</h1>
<p>Hi {guest}, please confirm your attendance on {date}.</p>
<form method="post">
  <input type="hidden" name="return_to" value="/events">
  <label>Guests <input type="number" name="party_size" min="1" max="4" value="1"></label>
  <button type="submit">Confirm</button>
</form>
</body></html>"""


def _local_path(target: str, default: str) -> str:
    parts = urlsplit(target or "")
    if not target or parts.scheme or parts.netloc or not target.startswith("/") \
            or target.startswith("//") or "\\" in target:
        return default
    return target


class EventStore:
    def __init__(self, path: str):
        self.path = path

    def get(self, event_id: int):
        with sqlite3.connect(self.path) as conn:
            conn.row_factory = sqlite3.Row
            return conn.execute("SELECT id, title, starts_at FROM events WHERE id = ?", (event_id,)).fetchone()

    def record_rsvp(self, event_id: int, alumni_id: str, party_size: int) -> None:
        with sqlite3.connect(self.path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO rsvps (event_id, alumni_id, party_size, responded_at) VALUES (?, ?, ?, ?)",
                (event_id, alumni_id, party_size, datetime.now(timezone.utc).isoformat()),
            )


class RsvpResource:
    def __init__(self, store: EventStore):
        self.store = store

    def on_get(self, req: falcon.Request, resp: falcon.Response, event_id: int) -> None:
        event = self.store.get(event_id)
        if event is None:
            raise falcon.HTTPNotFound()
        guest = req.get_param("name", default="friend")
        page = CONFIRM_PAGE.format(title=html.escape(event["title"]), guest=html.escape(guest),
                                   date=html.escape(event["starts_at"][:10]))
        resp.content_type = falcon.MEDIA_HTML
        resp.text = page

    def on_post(self, req: falcon.Request, resp: falcon.Response, event_id: int) -> None:
        alumni_id = req.context.get("alumni_id")
        if alumni_id is None:
            raise falcon.HTTPUnauthorized(title="Please sign in to RSVP")
        form = req.get_media(default_when_empty={})
        party_size = max(1, min(4, int(form.get("party_size", 1))))
        self.store.record_rsvp(event_id, alumni_id, party_size)
        log.info("rsvp recorded for event %d (party of %d)", event_id, party_size)
        return_to = form.get("return_to") or req.get_param("return_to")
        raise falcon.HTTPSeeOther(_local_path(return_to, f"/events/{event_id}"))


app = falcon.App()
app.req_options.auto_parse_form_urlencoded = False
app.add_route("/events/{event_id:int}/rsvp", RsvpResource(EventStore(DB_PATH)))
