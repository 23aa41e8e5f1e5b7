"""Tide table import for the harbour office.

Partner harbours and the hydrographic office upload monthly tide tables as
XML; we store the predicted high/low waters for the berth planner.
"""
import logging
import sqlite3
from datetime import datetime

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("harbour.tides")
DB_PATH = "/var/lib/harbour/tides.db"

TIDE_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


def parse_tide_table(blob: bytes):
    root = etree.fromstring(blob, TIDE_PARSER)
    station = root.findtext("station/name") or "unknown"
    events = []
    for ev in root.iter("event"):
        try:
            events.append({
                "kind": ev.get("type", "").upper(),
                "at": datetime.fromisoformat(ev.findtext("time")),
                "height_m": float(ev.findtext("height")),
            })
        except (TypeError, ValueError):
            log.debug("skipping malformed tide event")
    return station, events


def store_events(station: str, events: list) -> int:
    conn = sqlite3.connect(DB_PATH)
    with conn:
        conn.executemany(
            "INSERT OR REPLACE INTO tides(station, kind, at, height_m) VALUES (?, ?, ?, ?)",
            [(station, e["kind"], e["at"].isoformat(), e["height_m"]) for e in events],
        )
    conn.close()
    return len(events)


@app.route("/tides/import", methods=["POST"])
def import_tides():
    upload = request.files.get("table")
    if upload is None:
        return jsonify({"error": "no file"}), 400
    data = upload.read()
    try:
        station, events = parse_tide_table(data)
    except etree.XMLSyntaxError as exc:
        return jsonify({"error": f"invalid XML: {exc}"}), 400
    stored = store_events(station, events)
    return jsonify({"station": station, "stored": stored})


if __name__ == "__main__":
    app.run(port=5050)
