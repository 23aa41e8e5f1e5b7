#!/usr/bin/env python3
"""Cron job: pull the partner news feeds configured by site administrators and
post new items into the matching announcement boards."""
import logging
import sqlite3
import sys
from datetime import datetime, timezone

import requests
from lxml import etree

DB_PATH = "/var/lib/forum/forum.db"
USER_AGENT = "forum-feedbot/2.3"
log = logging.getLogger("feedbot")


def load_subscriptions(db):
    return db.execute(
        "SELECT id, board_id, feed_url, last_guid FROM feed_subscriptions WHERE active = 1"
    ).fetchall()


def fetch_feed(url: str) -> bytes:
    resp = requests.get(url, headers={"User-Agent": USER_AGENT}, timeout=15)
    resp.raise_for_status()
    return resp.content


def parse_items(body: bytes):
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.fromstring(body, parser)
    items = []
    for item in root.iter("item"):
        items.append(
            {
                "guid": (item.findtext("guid") or item.findtext("link") or "").strip(),
                "title": (item.findtext("title") or "untitled").strip(),
                "link": (item.findtext("link") or "").strip(),
                "summary": (item.findtext("description") or "").strip(),
            }
        )
    return items


def post_item(db, board_id: int, item: dict) -> None:
    body = f"{item['summary']}\n\nSource: {item['link']}"
    db.execute(
        "INSERT INTO posts (board_id, author_id, title, body, created_at) VALUES (?, ?, ?, ?, ?)",
        (board_id, 1, item["title"][:200], body, datetime.now(timezone.utc).isoformat()),
    )


def sync_subscription(db, sub) -> int:
    sub_id, board_id, url, last_guid = sub
    items = parse_items(fetch_feed(url))
    new_items = []
    for item in items:
        if item["guid"] == last_guid:
            break
        new_items.append(item)
    for item in reversed(new_items):
        post_item(db, board_id, item)
    if new_items:
        db.execute("UPDATE feed_subscriptions SET last_guid = ? WHERE id = ?", (new_items[0]["guid"], sub_id))
    return len(new_items)


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    db = sqlite3.connect(DB_PATH)
    failures = 0
    for sub in load_subscriptions(db):
        try:
            count = sync_subscription(db, sub)
            db.commit()
            log.info("subscription %s: %d new items", sub[0], count)
        except (requests.RequestException, etree.XMLSyntaxError):
            db.rollback()
            failures += 1
            log.exception("subscription %s failed", sub[0])
    db.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
