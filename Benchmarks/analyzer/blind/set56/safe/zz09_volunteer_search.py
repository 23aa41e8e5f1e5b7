"""Volunteer roster search for the food pantry coordinators (Bottle app)."""
import json
import logging
import re
import sqlite3

from bottle import Bottle, HTTPResponse, request, response

app = Bottle()
log = logging.getLogger("volunteers")
DB_PATH = "/var/lib/pantry/volunteers.db"


class RosterQuery:
    def __init__(self, params):
        self.pattern = params.get("match", "")[:100]
        self.skill = params.get("skill", "")
        self.shift = params.get("shift", "")
        self.limit = min(int(params.get("limit", 50) or 50), 200)

    def matcher(self):
        if not self.pattern:
            return None
        return re.compile(re.escape(self.pattern), re.IGNORECASE)


def load_roster(skill: str, shift: str):
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    sql = "SELECT id, full_name, email, phone, skills, shift FROM volunteers WHERE active = 1"
    params = []
    if skill:
        sql += " AND skills LIKE ?"
        params.append(f"%{skill}%")
    if shift:
        sql += " AND shift = ?"
        params.append(shift)
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@app.get("/roster/search")
def search():
    try:
        q = RosterQuery(request.query)
    except ValueError:
        raise HTTPResponse(status=400, body="bad limit")
    rx = q.matcher()
    rows = load_roster(q.skill, q.shift)
    if rx is not None:
        rows = [r for r in rows if rx.search(r["full_name"]) or rx.search(r["email"])]
    response.content_type = "application/json"
    return json.dumps(rows[: q.limit])


@app.get("/roster/notes")
def search_notes():
    needle = request.query.get("q", "")
    conn = sqlite3.connect(DB_PATH)
    try:
        notes = conn.execute("SELECT volunteer_id, note FROM volunteer_notes").fetchall()
    finally:
        conn.close()
    hits = []
    for vid, note in notes:
        if re.search(re.escape(request.query.get("q", "")), note):
            hits.append({"volunteer_id": vid, "note": note})
    response.content_type = "application/json"
    return json.dumps({"query": needle, "hits": hits})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
