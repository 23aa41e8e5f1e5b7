"""Receives setlists pushed by venue stage-management systems and records
them for performing-rights reporting."""
import logging
from datetime import date

from flask import Flask, abort, jsonify, request
from lxml import etree

from royalties.db import session_scope
from royalties.models import Performance, SetlistItem

app = Flask(__name__)
log = logging.getLogger("setlists")

# some venue systems still send &nbsp; and friends declared in an inline DTD
PARSER = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False)


def parse_setlist(raw: bytes) -> dict:
    root = etree.fromstring(raw, PARSER)  # VULN flow
    if root.tag != "setlist":
        raise ValueError("root element must be <setlist>")
    songs = []
    for pos, song in enumerate(root.iterfind("song"), start=1):
        songs.append({
            "position": pos,
            "title": (song.findtext("title") or "").strip(),
            "writer": (song.findtext("writer") or "").strip(),
            "iswc": song.get("iswc"),
        })
    return {
        "venue": root.get("venue"),
        "artist": (root.findtext("artist") or "").strip(),
        "date": date.fromisoformat(root.get("date")),
        "songs": songs,
    }


@app.post("/api/setlists")
def receive_setlist():
    if request.mimetype not in ("application/xml", "text/xml"):
        abort(415)
    try:
        setlist = parse_setlist(request.get_data())
    except (etree.XMLSyntaxError, ValueError, TypeError) as exc:
        log.info("rejected setlist: %r", exc)
        return jsonify({"error": "invalid setlist"}), 400

    with session_scope() as s:
        perf = Performance(
            venue_code=setlist["venue"],
            artist_name=setlist["artist"],
            performed_on=setlist["date"],
        )
        s.add(perf)
        s.flush()
        for item in setlist["songs"]:
            s.add(SetlistItem(performance_id=perf.id, **item))
        perf_id = perf.id

    return jsonify({
        "performance": perf_id,
        "artist": setlist["artist"],
        "songs": [item["title"] for item in setlist["songs"]],
    }), 201
