"""Ingest DataCite-style XML metadata records into the dataset catalogue."""
import logging
import os
import sqlite3

from flask import Flask, g, jsonify, request
from lxml import etree

CATALOGUE_DB = os.environ.get("CATALOGUE_DB", "/srv/catalogue/catalogue.db")
NS = {"dc": "http://datacite.org/schema/kernel-4"}
MAX_RECORD = 2 * 1024 * 1024

app = Flask(__name__)
log = logging.getLogger("catalogue.ingest")


def db():
    if "db" not in g:
        g.db = sqlite3.connect(CATALOGUE_DB)
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def _text(root, path):
    node = root.find(path, NS)
    return node.text.strip() if node is not None and node.text else None


def parse_record(raw: bytes) -> dict:
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.fromstring(raw, parser)
    identifier = _text(root, "dc:identifier")
    if not identifier:
        raise ValueError("record has no identifier")
    return {
        "doi": identifier,
        "title": _text(root, "dc:titles/dc:title"),
        "publisher": _text(root, "dc:publisher"),
        "year": _text(root, "dc:publicationYear"),
        "creators": [c.text for c in root.findall("dc:creators/dc:creator/dc:creatorName", NS)],
        "description": _text(root, "dc:descriptions/dc:description"),
    }


@app.post("/api/records")
def ingest():
    raw = request.get_data(cache=False)
    if len(raw) > MAX_RECORD:
        return jsonify(error="record too large"), 413
    try:
        rec = parse_record(raw)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.info("rejected record: %r", exc)
        return jsonify(error="invalid record"), 400
    db().execute(
        "INSERT OR REPLACE INTO records (doi, title, publisher, year, creators, description) VALUES (?, ?, ?, ?, ?, ?)",
        (rec["doi"], rec["title"], rec["publisher"], rec["year"], "; ".join(rec["creators"]), rec["description"]),
    )
    db().commit()
    return jsonify(rec), 201


@app.get("/api/records/<path:doi>")
def get_record(doi):
    row = db().execute("SELECT doi, title, publisher, year, creators, description FROM records WHERE doi = ?", (doi,)).fetchone()
    if row is None:
        return jsonify(error="not found"), 404
    keys = ("doi", "title", "publisher", "year", "creators", "description")
    return jsonify(dict(zip(keys, row)))
