"""Public article search endpoint for the newsroom CMS."""
import logging
import os
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger(__name__)

DB_PATH = os.environ.get("CMS_DB_PATH", "/var/lib/cms/cms.sqlite3")
SORT_COLUMNS = {"published": "published_at", "title": "title", "updated": "updated_at"}
MAX_LIMIT = 100


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_filters(args) -> str:
    clauses = ["status = 'published'"]
    section = args.get("section")
    if section:
        clauses.append(f"section = '{section}'")
    term = args.get("q", "").strip()
    if term:
        clauses.append(f"(title LIKE '%{term}%' OR summary LIKE '%{term}%')")
    tag = args.get("tag")
    if tag:
        clauses.append(f"id IN (SELECT article_id FROM article_tags WHERE tag = '{tag}')")
    return " AND ".join(clauses)


@app.route("/api/articles")
def search_articles():
    where = build_filters(request.args)
    order = SORT_COLUMNS.get(request.args.get("sort", "published"), "published_at")
    try:
        limit = max(1, min(int(request.args.get("limit", 20)), MAX_LIMIT))
    except ValueError:
        limit = 20
    sql = (
        "SELECT id, slug, title, summary, section, published_at FROM articles "
        f"WHERE {where} ORDER BY {order} DESC LIMIT {limit}"
    )
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@app.route("/api/articles/<int:article_id>")
def get_article(article_id: int):
    row = get_db().execute(
        "SELECT id, slug, title, summary, body, published_at FROM articles "
        "WHERE id = ? AND status = 'published'",
        (article_id,),
    ).fetchone()
    if row is None:
        return jsonify(error="not found"), 404
    return jsonify(dict(row))


if __name__ == "__main__":
    app.run(port=5002)
