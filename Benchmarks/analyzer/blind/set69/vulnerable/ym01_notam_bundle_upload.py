"""NOTAM bundle upload service.

The briefing office pushes AIXM-style NOTAM bundles here; we extract the
fields needed for the pre-flight information bulletin (PIB).
"""
import logging
import sqlite3
from datetime import datetime, timezone

from flask import Flask, g, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("notam.upload")

DB_PATH = "/var/lib/pib/notams.db"
MAX_BUNDLE_BYTES = 4 * 1024 * 1024


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


def _bundle_parser():
    # bundles reference the AIXM DTD for entity definitions
    return etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False)


def parse_bundle(raw):
    root = etree.fromstring(raw, parser=_bundle_parser())  # VULN flow
    notices = []
    for node in root.iter("{*}NOTAM"):
        notices.append(
            {
                "series": node.findtext("{*}series", default="A"),
                "number": node.findtext("{*}number", default=""),
                "location": (node.findtext("{*}location", default="") or "").upper(),
                "text": (node.findtext("{*}text", default="") or "").strip(),
            }
        )
    return notices


def store(notices):
    db = get_db()
    now = datetime.now(timezone.utc).isoformat()
    db.executemany(
        "INSERT OR REPLACE INTO notams (series, number, location, body, received) "
        "VALUES (?, ?, ?, ?, ?)",
        [(n["series"], n["number"], n["location"], n["text"], now) for n in notices],
    )
    db.commit()


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@app.route("/api/notam/bundles", methods=["POST"])
def upload_bundle():
    raw = request.get_data(cache=False)
    if not raw or len(raw) > MAX_BUNDLE_BYTES:
        return jsonify(error="empty or oversized bundle"), 413
    try:
        notices = parse_bundle(raw)
    except etree.XMLSyntaxError as exc:
        log.warning("rejected bundle: %r", str(exc))
        return jsonify(error="malformed XML"), 400
    store(notices)
    preview = [
        f"{n['series']}{n['number']} {n['location']}: {n['text'][:80]}"
        for n in notices[:5]
    ]
    return jsonify(accepted=len(notices), preview=preview), 201
