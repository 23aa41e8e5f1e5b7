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
SORTABLE = {"logged_at", "task", "mechanic", "hours_meter"}


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

    def to_sql(self):
        sql = "SELECT " + ", ".join(COLUMNS) + " FROM maintenance WHERE lift_code = ?"
        params = [self.lift]
        if self.since:
            sql += " AND logged_at >= ?"
            params.append(self.since)
        if self.task:
            sql += " AND task = ?"
            params.append(self.task)
        sort = self.sort if self.sort in SORTABLE else "logged_at"
        sql += " ORDER BY " + sort + " " + ("ASC" if self.direction == "ASC" else "DESC")
        return sql, params


@app.get("/lifts/<lift>/log")
def maintenance_log(lift):
    q = LogQuery(lift)
    q.since = request.query.get("since")
    q.task = request.query.get("task")
    q.sort = request.query.get("sort", "logged_at")
    q.direction = "ASC" if request.query.get("dir") == "asc" else "DESC"
    conn = connect()
    try:
        sql, params = q.to_sql()
        rows = conn.execute(sql, params).fetchall()
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
