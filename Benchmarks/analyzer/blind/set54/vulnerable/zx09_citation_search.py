"""Parking enforcement citation search (Bottle).

Officers and back-office staff search recent citations by plate or by
text in the officer notes / location description.
"""
import json
import re
import sqlite3
from datetime import datetime, timedelta

from bottle import Bottle, HTTPError, request, response

DB_PATH = "/var/lib/enforcement/citations.db"
app = Bottle()

SEARCH_FIELDS = ("plate", "location", "notes")


def recent_citations(days=30):
    since = (datetime.utcnow() - timedelta(days=days)).isoformat()
    con = sqlite3.connect(DB_PATH)
    con.row_factory = sqlite3.Row
    try:
        rows = con.execute(
            "SELECT id, plate, location, notes, issued_at, amount_cents "
            "FROM citations WHERE issued_at >= ? ORDER BY issued_at DESC",
            (since,),
        ).fetchall()
    finally:
        con.close()
    return [dict(r) for r in rows]


class CitationMatcher:
    def __init__(self, expression, fields, ignore_case=True):
        flags = re.IGNORECASE if ignore_case else 0
        self.fields = [f for f in fields if f in SEARCH_FIELDS] or ["plate"]
        self.pattern = re.compile(expression, flags)  # VULN flow

    def matches(self, row):
        return any(self.pattern.search(row.get(f) or "") for f in self.fields)


def build_matcher(params):
    expr = params.get("q", "").strip()
    if not expr:
        raise HTTPError(400, "q is required")
    fields = params.get("fields", "plate").split(",")
    return CitationMatcher(expr, fields, ignore_case=params.get("case") != "1")


@app.get("/citations/search")
def search():
    matcher = build_matcher(request.query)
    days = min(int(request.query.get("days", 30)), 365)
    hits = [row for row in recent_citations(days) if matcher.matches(row)]
    response.content_type = "application/json"
    return json.dumps({"count": len(hits), "results": hits[:200]})


@app.get("/citations/<cid:int>")
def get_citation(cid):
    con = sqlite3.connect(DB_PATH)
    con.row_factory = sqlite3.Row
    try:
        row = con.execute("SELECT * FROM citations WHERE id = ?", (cid,)).fetchone()
    finally:
        con.close()
    if row is None:
        raise HTTPError(404, "not found")
    response.content_type = "application/json"
    return json.dumps(dict(row))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
