"""Livestream preview service for memorial pages.

Families paste the link to the service livestream in the portal; the public memorial
page shows a preview card built from the provider page's OpenGraph tags.
"""
import logging
import re
import sqlite3
from typing import Optional

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="memorial-livestream")
log = logging.getLogger("livestream_preview")

OG_TITLE = re.compile(r'<meta\s+property="og:title"\s+content="([^"]*)"', re.I)
OG_IMAGE = re.compile(r'<meta\s+property="og:image"\s+content="([^"]*)"', re.I)


class StreamLink(BaseModel):
    url: str
    starts_at: Optional[str] = None


class LinkStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS stream_links "
            "(memorial_id INTEGER PRIMARY KEY, url TEXT, starts_at TEXT)"
        )

    def save(self, memorial_id: int, url: str, starts_at: Optional[str]) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO stream_links VALUES (?, ?, ?)",
                (memorial_id, url, starts_at),
            )

    def get(self, memorial_id: int) -> Optional[str]:
        row = self.conn.execute(
            "SELECT url FROM stream_links WHERE memorial_id = ?", (memorial_id,)
        ).fetchone()
        return row[0] if row else None


store = LinkStore("/var/lib/memorials/streams.db")


def fetch_preview(url: str) -> dict:
    with httpx.Client(follow_redirects=True) as client:
        resp = client.get(url, timeout=5.0)  # VULN flow
    resp.raise_for_status()
    html = resp.text[:200_000]
    title = OG_TITLE.search(html)
    image = OG_IMAGE.search(html)
    return {
        "url": url,
        "title": title.group(1) if title else None,
        "image": image.group(1) if image else None,
        "raw_excerpt": html[:500],
    }


@app.put("/memorials/{memorial_id}/livestream")
def set_livestream(memorial_id: int, link: StreamLink):
    if not link.url.startswith(("http://", "https://")):
        raise HTTPException(status_code=422, detail="Link must be a web address")
    store.save(memorial_id, link.url, link.starts_at)
    return {"ok": True}


@app.get("/memorials/{memorial_id}/livestream/preview")
def livestream_preview(memorial_id: int):
    url = store.get(memorial_id)
    if not url:
        raise HTTPException(status_code=404, detail="No livestream configured")
    try:
        return fetch_preview(url)
    except httpx.HTTPError as exc:
        log.warning("preview fetch failed for memorial %d: %s", memorial_id, type(exc).__name__)
        raise HTTPException(status_code=502, detail="Stream provider unavailable")
