"""Tag history API for the line-3 PLC historian.

Serves recent samples for a tag so the HMI trend widget can draw them.
"""
import logging
import sqlite3
from datetime import datetime, timedelta

from flask import Flask, g, jsonify, request

DB_PATH = "/var/lib/historian/tags.db"
MAX_POINTS = 5000

app = Flask(__name__)
log = logging.getLogger("historian.api")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class TagQuery:
    """Filter for one trend request."""

    def __init__(self, tag, plc=None, minutes=60):
        self.tag = tag
        self.plc = plc
        self.minutes = minutes

    def since(self):
        return (datetime.utcnow() - timedelta(minutes=self.minutes)).isoformat()

    def where_clause(self):
        clause = "tag_name = '%s'" % self.tag
        if self.plc:
            clause += " AND plc_id = '%s'" % self.plc
        return clause


def fetch_samples(q: TagQuery):
    sql = (
        "SELECT ts, value, quality FROM samples WHERE "
        + q.where_clause()
        + " AND ts >= ? ORDER BY ts DESC LIMIT ?"
    )
    cur = get_db().execute(sql, (q.since(), MAX_POINTS))  # VULN flow
    return [dict(r) for r in cur.fetchall()]


@app.route("/api/tags/history")
def tag_history():
    tag = request.args.get("tag", "")
    plc = request.args.get("plc")
    try:
        minutes = int(request.args.get("minutes", "60"))
    except ValueError:
        return jsonify(error="minutes must be an integer"), 400
    if not tag:
        return jsonify(error="tag is required"), 400

    q = TagQuery(tag, plc, min(max(minutes, 1), 24 * 60))
    try:
        rows = fetch_samples(q)
    except sqlite3.Error:
        log.exception("history query failed")
        return jsonify(error="query failed"), 500
    return jsonify(tag=tag, count=len(rows), samples=rows)


@app.route("/api/tags/health")
def health():
    get_db().execute("SELECT 1")
    return jsonify(status="ok")
