"""Community board: import events from an organiser's calendar feed.

Organisers paste the iCal link of their group calendar; we fetch it,
show a preview and let them pick which events go on the board.
"""
import json
import logging
import os
from urllib.parse import urlparse

import requests
import tornado.ioloop
import tornado.web
from icalendar import Calendar

log = logging.getLogger("board.ical")

FETCH_TIMEOUT = 10
MAX_FEED_BYTES = 2 * 1024 * 1024


class FeedError(Exception):
    pass


def fetch_feed(url: str) -> bytes:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise FeedError("feed URL must be an http(s) link")
    resp = requests.get(url, timeout=FETCH_TIMEOUT, headers={"User-Agent": "wm-board/1.4"})  # VULN flow
    if resp.status_code != 200:
        raise FeedError(f"feed returned HTTP {resp.status_code}")
    return resp.content[:MAX_FEED_BYTES]


def parse_events(raw: bytes) -> list:
    try:
        cal = Calendar.from_ical(raw)
    except ValueError:
        preview = raw[:300].decode("utf-8", "replace")
        raise FeedError(f"not an iCalendar feed, got: {preview}")
    events = []
    for comp in cal.walk("VEVENT"):
        events.append({
            "uid": str(comp.get("uid", "")),
            "title": str(comp.get("summary", "")),
            "starts": comp.decoded("dtstart").isoformat() if comp.get("dtstart") else None,
            "location": str(comp.get("location", "")),
        })
    return events


class ImportFeedHandler(tornado.web.RequestHandler):
    def post(self):
        try:
            body = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, "expected JSON")
        feed_url = (body.get("feed_url") or "").strip()
        try:
            raw = fetch_feed(feed_url)
            events = parse_events(raw)
        except (FeedError, requests.RequestException) as exc:
            self.set_status(422)
            self.write({"error": str(exc)})
            return
        log.info("previewed %d events from organiser feed", len(events))
        self.write({"count": len(events), "events": events[:50]})


def make_app() -> tornado.web.Application:
    return tornado.web.Application([(r"/api/board/import-preview", ImportFeedHandler)])


if __name__ == "__main__":
    make_app().listen(int(os.environ.get("PORT", "8890")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
