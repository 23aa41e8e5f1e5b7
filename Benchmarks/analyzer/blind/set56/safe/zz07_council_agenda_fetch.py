"""Clerk's office tool: pull council agenda packets from a URL into the archive."""
import hashlib
import logging
import os
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("agenda_fetch")

ARCHIVE_DIR = os.environ.get("AGENDA_ARCHIVE", "/srv/agendas")
MAX_BYTES = 50 * 1024 * 1024
ALLOWED_HOSTS = {"agendas.granicus.com", "legistar.cityofmaple.gov", "docs.cityofmaple.gov"}


@dataclass
class AgendaSource:
    body: str
    meeting_date: date
    url: str

    @classmethod
    def from_form(cls, form):
        return cls(
            body=form.get("body", "city-council"),
            meeting_date=date.fromisoformat(form["meeting_date"]),
            url=form["source_url"].strip(),
        )


def check_url(url: str) -> str:
    parts = urlparse(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_HOSTS or parts.port not in (None, 443):
        raise ValueError("source host is not on the approved list")
    return url


def download_packet(src: AgendaSource) -> bytes:
    resp = requests.get(check_url(src.url), timeout=20, stream=True, allow_redirects=False)
    resp.raise_for_status()
    chunks, size = [], 0
    for chunk in resp.iter_content(64 * 1024):
        size += len(chunk)
        if size > MAX_BYTES:
            raise ValueError("agenda packet too large")
        chunks.append(chunk)
    return b"".join(chunks)


def store_packet(src: AgendaSource, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()[:16]
    name = f"{src.meeting_date.isoformat()}-{digest}.pdf"
    folder = os.path.join(ARCHIVE_DIR, "council" if src.body == "city-council" else "boards")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as fh:
        fh.write(data)
    return name


@app.route("/clerk/agendas/import", methods=["POST"])
def import_agenda():
    try:
        src = AgendaSource.from_form(request.form)
    except (KeyError, ValueError):
        return jsonify(error="source_url and meeting_date are required"), 400
    try:
        data = download_packet(src)
    except (requests.RequestException, ValueError) as exc:
        log.warning("agenda import failed: %r", exc)
        return jsonify(error="could not fetch packet"), 502
    if not data.startswith(b"%PDF"):
        return jsonify(error="not a PDF"), 422
    name = store_packet(src, data)
    log.info("archived agenda %s (%d bytes)", name, len(data))
    return jsonify(stored=name, bytes=len(data)), 201
