import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["FORUM_DB"] = "/var/lib/forum/forum.db"
log = logging.getLogger("forum.search")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["FORUM_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class SearchQuery:
    per_page = 25

    def __init__(self, args):
        self.terms = args.get("q", "").strip()
        self.board = args.get("board")
        self.author = args.get("author")
        try:
            self.page = max(int(args.get("page", 1)), 1)
        except ValueError:
            self.page = 1

    def where_clauses(self):
        clauses = ["p.deleted = 0"]
        if self.terms:
            clauses.append("p.body LIKE '%%%s%%'" % self.terms)
        if self.board:
            clauses.append("t.board_slug = '%s'" % self.board)
        if self.author:
            clauses.append("u.username = '%s'" % self.author)
        return clauses


def build_sql(query: SearchQuery) -> str:
    where = " AND ".join(query.where_clauses())
    offset = (query.page - 1) * query.per_page
    return (
        "SELECT p.id, p.body, p.created_at, t.title, u.username "
        "FROM posts p JOIN threads t ON t.id = p.thread_id "
        "JOIN users u ON u.id = p.author_id "
        f"WHERE {where} ORDER BY p.created_at DESC "
        f"LIMIT {query.per_page} OFFSET {offset}"
    )


def snippet(body: str, size: int = 160) -> str:
    body = " ".join(body.split())
    return body if len(body) <= size else body[: size - 1] + "\u2026"


@app.route("/api/search")
def search():
    query = SearchQuery(request.args)
    sql = build_sql(query)
    try:
        rows = get_db().execute(sql).fetchall()  # VULN flow
    except sqlite3.Error:
        log.exception("search failed")
        return jsonify({"error": "search unavailable"}), 500
    results = [
        {
            "post_id": row["id"],
            "thread": row["title"],
            "author": row["username"],
            "created_at": row["created_at"],
            "snippet": snippet(row["body"]),
        }
        for row in rows
    ]
    return jsonify({"page": query.page, "results": results})
