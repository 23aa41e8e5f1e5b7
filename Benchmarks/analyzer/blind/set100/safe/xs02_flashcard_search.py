"""Flashcard search API for the web study app."""
import sqlite3
from typing import List, Optional, Tuple

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "flashcards.db"

SORT_COLUMNS = {"due": "due_at", "created": "created_at", "ease": "ease_factor"}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class CardQuery:
    """Filter set for the card browser."""

    def __init__(self, deck_id: int, term: Optional[str] = None, tag: Optional[str] = None, sort: str = "due"):
        self.deck_id = deck_id
        self.term = term
        self.tag = tag
        self.sort = sort

    def where(self) -> Tuple[str, List]:
        clauses = ["deck_id = ?"]
        params: List = [self.deck_id]
        if self.term:
            clauses.append("(front LIKE ? OR back LIKE ?)")
            params += [f"%{self.term}%", f"%{self.term}%"]
        if self.tag:
            clauses.append("',' || tags || ',' LIKE ?")
            params.append(f"%,{self.tag},%")
        return " AND ".join(clauses), params

    def to_sql(self) -> Tuple[str, List]:
        order = SORT_COLUMNS.get(self.sort, "due_at")
        where, params = self.where()
        return (
            "SELECT id, front, back, due_at, ease_factor FROM cards "
            f"WHERE {where} ORDER BY {order} LIMIT 200"
        ), params


def deck_owner(deck_id: int) -> Optional[int]:
    row = get_db().execute("SELECT owner_id FROM decks WHERE id = ?", (deck_id,)).fetchone()
    return row["owner_id"] if row else None


@app.get("/api/decks/<int:deck_id>/cards")
def search_cards(deck_id: int):
    user_id = request.headers.get("X-User-Id", type=int)
    if user_id is None or deck_owner(deck_id) != user_id:
        abort(403)
    query = CardQuery(
        deck_id,
        term=request.args.get("q"),
        tag=request.args.get("tag"),
        sort=request.args.get("sort", "due"),
    )
    sql, params = query.to_sql()
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([dict(r) for r in rows])


@app.get("/api/decks/<int:deck_id>/stats")
def deck_stats(deck_id: int):
    row = get_db().execute(
        "SELECT COUNT(*) AS total, SUM(due_at <= datetime('now')) AS due FROM cards WHERE deck_id = ?",
        (deck_id,),
    ).fetchone()
    return jsonify(dict(row))


if __name__ == "__main__":
    app.run(port=5002)
