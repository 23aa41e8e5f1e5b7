"""Build history API backing the CI dashboard's pipeline table."""
import logging
import os
import sqlite3
from typing import List, Tuple

from bottle import Bottle, HTTPError, request

log = logging.getLogger("dashboard.history")
app = Bottle()

DB_PATH = os.environ.get("CI_DB", "/var/lib/ci/builds.db")
PAGE_SIZE = 50
ORDER_COLUMNS = {"started_at", "number", "duration", "status", "branch"}


def get_conn() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def build_filters(params: dict) -> Tuple[list, list]:
    clauses, args = [], []
    if params.get("branch"):
        clauses.append("branch = ?")
        args.append(params["branch"])
    if params.get("status"):
        clauses.append("status = ?")
        args.append(params["status"])
    if params.get("since"):
        clauses.append("started_at >= ?")
        args.append(params["since"])
    if params.get("author"):
        clauses.append("triggered_by LIKE ?")
        args.append(params["author"] + "%")
    return clauses, args


class BuildQuery:
    columns = "id, number, branch, commit_sha, status, triggered_by, started_at, duration"

    def __init__(self, project_id: int, filters: dict, order: str, page: int) -> None:
        self.project_id = project_id
        self.filters = filters
        self.order = order if order in ORDER_COLUMNS else "started_at"
        self.page = page

    def sql(self) -> Tuple[str, List]:
        clauses, args = build_filters(self.filters)
        clauses = ["project_id = ?"] + clauses
        args = [self.project_id] + args + [PAGE_SIZE, self.page * PAGE_SIZE]
        return (
            f"SELECT {self.columns} FROM builds WHERE " + " AND ".join(clauses)
            + f" ORDER BY {self.order} DESC LIMIT ? OFFSET ?"
        ), args


@app.get("/api/projects/<project_id:int>/builds")
def list_builds(project_id):
    filters = {k: request.query.get(k) for k in ("branch", "status", "since", "author")}
    order = request.query.get("order", "started_at")
    try:
        page = max(0, int(request.query.get("page", "0")))
    except ValueError:
        raise HTTPError(400, "page must be an integer")
    query = BuildQuery(project_id, filters, order, page)
    conn = get_conn()
    try:
        sql, args = query.sql()
        rows = conn.execute(sql, args).fetchall()
    finally:
        conn.close()
    return {"project": project_id, "page": page, "builds": [dict(r) for r in rows]}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8084)
