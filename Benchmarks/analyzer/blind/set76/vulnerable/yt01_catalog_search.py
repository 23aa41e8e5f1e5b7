"""Catalogue search endpoint for the streaming service's web player."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["CATALOG_DB"] = "/var/lib/streamer/catalog.db"
log = logging.getLogger("catalog")

SORTABLE = {"title", "release_year", "popularity"}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["CATALOG_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class TrackQuery:
    """Collects the optional filters coming from the search box."""

    def __init__(self, artist=None, genre=None, sort="popularity"):
        self.artist = artist
        self.genre = genre
        self.sort = sort if sort in SORTABLE else "popularity"

    def build(self):
        clauses = ["t.available = 1"]
        if self.artist:
            clauses.append("a.name LIKE '%" + self.artist + "%'")
        if self.genre:
            clauses.append(f"t.genre = '{self.genre}'")
        where = " AND ".join(clauses)
        return (
            "SELECT t.id, t.title, a.name AS artist, t.genre, t.release_year "
            "FROM tracks t JOIN artists a ON a.id = t.artist_id "
            f"WHERE {where} ORDER BY t.{self.sort} DESC LIMIT 50"
        )


@app.route("/api/catalog/search")
def search():
    q = TrackQuery(
        artist=request.args.get("artist"),
        genre=request.args.get("genre"),
        sort=request.args.get("sort", "popularity"),
    )
    sql = q.build()
    try:
        rows = get_db().execute(sql).fetchall()  # VULN flow
    except sqlite3.Error:
        log.exception("catalog search failed")
        return jsonify({"error": "search failed"}), 500
    return jsonify([dict(r) for r in rows])


@app.route("/api/catalog/track/<int:track_id>")
def track_detail(track_id: int):
    row = get_db().execute(
        "SELECT t.id, t.title, t.duration_ms, a.name AS artist FROM tracks t "
        "JOIN artists a ON a.id = t.artist_id WHERE t.id = ?",
        (track_id,),
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))
