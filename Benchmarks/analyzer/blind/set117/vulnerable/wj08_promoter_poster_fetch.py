"""Promoter self-service: submit an event listing with artwork.

Promoters give us a URL to their poster artwork; we pull it once, resize it
and push it to the listings bucket.
"""
import hashlib
import io
import logging
from dataclasses import dataclass

import requests
from flask import Flask, jsonify, request
from PIL import Image

app = Flask(__name__)
log = logging.getLogger("listings")

MAX_POSTER_BYTES = 8 * 1024 * 1024
POSTER_SIZE = (1200, 1800)


@dataclass
class Submission:
    promoter_id: int
    title: str
    venue: str
    date: str
    poster_url: str


def fetch_poster(url: str) -> bytes:
    resp = requests.get(url, timeout=10, stream=True)  # VULN flow
    resp.raise_for_status()
    buf = io.BytesIO()
    for chunk in resp.iter_content(64 * 1024):
        buf.write(chunk)
        if buf.tell() > MAX_POSTER_BYTES:
            raise ValueError("poster too large")
    return buf.getvalue()


def normalise(image_bytes: bytes) -> bytes:
    img = Image.open(io.BytesIO(image_bytes)).convert("RGB")
    img.thumbnail(POSTER_SIZE)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85)
    return out.getvalue()


def upload_to_bucket(key: str, body: bytes) -> str:
    # Thin wrapper around the storage client in production.
    return f"https://cdn.example-listings.com/{key}"


@app.post("/promoters/<int:promoter_id>/events")
def submit_event(promoter_id: int):
    body = request.get_json(force=True)
    sub = Submission(
        promoter_id=promoter_id,
        title=body["title"],
        venue=body["venue"],
        date=body["date"],
        poster_url=body.get("poster_url", ""),
    )
    poster = None
    if sub.poster_url:
        try:
            raw = fetch_poster(sub.poster_url)
            jpeg = normalise(raw)
        except (requests.RequestException, ValueError, OSError) as exc:
            log.warning("poster fetch failed for promoter %d: %r", promoter_id, exc)
            return jsonify(error="could not retrieve poster"), 422
        key = "posters/" + hashlib.sha256(jpeg).hexdigest() + ".jpg"
        poster = upload_to_bucket(key, jpeg)
    return jsonify(title=sub.title, venue=sub.venue, date=sub.date, poster=poster), 201
