"""Bottle app for the lift maintenance log (inspections, rope splices,
grip tests). Used by lift mechanics from the shop terminals."""
import json
import logging
import sqlite3

from bottle import Bottle, HTTPResponse, request, response

app = Bottle()
log = logging.getLogger("lifts.maintenance")
DB_PATH = "/var/lib/lifts/maintenance.db"

COLUMNS = ["id", "lift_code", "task", "mechanic", "logged_at", "hours_meter", "notes"]


def connect():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


class LogQuery:
    def __init__(self, lift: str):
        self.lift = lift
        self.since = None
        self.task = None
        self.sort = "logged_at"
        self.direction = "DESC"

    def to_sql(self) -> str:
        sql = "SELECT " + ", ".join(COLUMNS) + " FROM maintenance WHERE lift_code = '" + self.lift + "'"
        if self.since:
            sql += " AND logged_at >= '" + self.since + "'"
        if self.task:
            sql += " AND task = '" + self.task + "'"
        sql += " ORDER BY " + self.sort + " " + self.direction
        return sql


@app.get("/lifts/<lift>/log")
def maintenance_log(lift):
    q = LogQuery(lift)
    q.since = request.query.get("since")
    q.task = request.query.get("task")
    q.sort = request.query.get("sort", "logged_at")
    q.direction = "ASC" if request.query.get("dir") == "asc" else "DESC"
    conn = connect()
    try:
        rows = conn.execute(q.to_sql()).fetchall()  # VULN flow
    except sqlite3.Error as exc:
        log.error("log query failed: %r", exc)
        return HTTPResponse(status=400, body="bad query")
    finally:
        conn.close()
    response.content_type = "application/json"
    return json.dumps([dict(r) for r in rows])


@app.post("/lifts/<lift>/log")
def add_entry(lift):
    data = request.json or {}
    conn = connect()
    with conn:
        conn.execute(
            "INSERT INTO maintenance(lift_code, task, mechanic, logged_at, hours_meter, notes) "
            "VALUES (?, ?, ?, datetime('now'), ?, ?)",
            (lift, data.get("task"), data.get("mechanic"), data.get("hours_meter"), data.get("notes", "")),
        )
    conn.close()
    return {"ok": True}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8095)
