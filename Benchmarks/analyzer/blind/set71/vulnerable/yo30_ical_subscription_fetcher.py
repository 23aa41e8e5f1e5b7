"""Fetches external iCal feeds that users subscribe to (holidays, on-call
rotations, partner calendars) and caches the parsed events.

Runs as a periodic job and also on demand when a user adds a new feed.
"""
import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import List, Optional

import requests
from icalendar import Calendar

log = logging.getLogger("calendar.subscriptions")
USER_AGENT = "TeamCalendar-FeedFetcher/1.3"


@dataclass
class Subscription:
    id: int
    owner_id: int
    url: str
    etag: Optional[str] = None
    last_hash: Optional[str] = None


class FeedFetcher:
    def __init__(self, store, timeout: float = 15.0):
        self.store = store
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT

    def normalise_url(self, raw: str) -> str:
        raw = raw.strip()
        if raw.startswith("webcal://"):
            raw = "https://" + raw[len("webcal://"):]
        return raw

    def fetch(self, sub: Subscription) -> Optional[bytes]:
        url = self.normalise_url(sub.url)
        headers = {"If-None-Match": sub.etag} if sub.etag else {}
        resp = self.session.get(url, headers=headers, timeout=self.timeout, verify=False)  # VULN flow
        if resp.status_code == 304:
            return None
        resp.raise_for_status()
        sub.etag = resp.headers.get("ETag")
        return resp.content

    def parse(self, body: bytes) -> List[dict]:
        cal = Calendar.from_ical(body)
        out = []
        for ev in cal.walk("VEVENT"):
            start = ev.decoded("DTSTART")
            out.append({"uid": str(ev.get("UID")), "summary": str(ev.get("SUMMARY", "")), "start": str(start)})
        return out

    def refresh(self, sub: Subscription) -> int:
        body = self.fetch(sub)
        if body is None:
            return 0
        digest = hashlib.sha256(body).hexdigest()
        if digest == sub.last_hash:
            return 0
        events = self.parse(body)
        self.store.replace_events(sub.id, events)
        sub.last_hash = digest
        self.store.save_subscription(sub, refreshed_at=datetime.now(timezone.utc))
        return len(events)


def add_subscription(store, owner_id: int, url: str) -> dict:
    """Called by the 'Subscribe to calendar' form handler."""
    sub = store.create_subscription(owner_id, url)
    fetcher = FeedFetcher(store)
    try:
        count = fetcher.refresh(sub)
    except (requests.RequestException, ValueError) as exc:
        store.delete_subscription(sub.id)
        return {"ok": False, "error": f"could not load feed: {exc}"}
    return {"ok": True, "id": sub.id, "events": count}
