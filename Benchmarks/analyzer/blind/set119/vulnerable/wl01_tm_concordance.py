"""Concordance search over the shared translation memory.

Used by the CAT web editor: translators highlight a phrase and the editor
asks this service for previous translations containing it.
"""
import logging
import sqlite3
from dataclasses import dataclass
from typing import Optional

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config.from_mapping(TM_DATABASE="/srv/tm/memories.sqlite3", MAX_LIMIT=200)
log = logging.getLogger("tm.concordance")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["TM_DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc: Optional[BaseException]) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.close()


@dataclass
class ConcordanceQuery:
    term: str
    source_lang: str
    target_lang: str
    client: Optional[str] = None
    limit: int = 25

    def where_clause(self) -> str:
        parts = [
            f"source_lang = '{self.source_lang}'",
            f"target_lang = '{self.target_lang}'",
            f"source_text LIKE '%{self.term}%'",
        ]
        if self.client:
            parts.append(f"client = '{self.client}'")
        return " AND ".join(parts)


def run_concordance(q: ConcordanceQuery) -> list:
    sql = (
        "SELECT id, source_text, target_text, client, updated_at "
        "FROM segments WHERE " + q.where_clause()
        + f" ORDER BY updated_at DESC LIMIT {int(q.limit)}"
    )
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return [dict(r) for r in rows]


def _parse_limit(raw: Optional[str]) -> int:
    try:
        return max(1, min(int(raw or 25), app.config["MAX_LIMIT"]))
    except ValueError:
        return 25


@app.route("/api/tm/concordance")
def concordance():
    term = request.args.get("q", "").strip()
    if len(term) < 2:
        return jsonify(error="query too short"), 400
    query = ConcordanceQuery(
        term=term,
        source_lang=request.args.get("src", "en-US"),
        target_lang=request.args.get("tgt", "de-DE"),
        client=request.args.get("client"),
        limit=_parse_limit(request.args.get("limit")),
    )
    log.info("concordance %r -> %r (client=%r)", query.source_lang, query.target_lang, query.client)
    try:
        hits = run_concordance(query)
    except sqlite3.Error:
        log.exception("concordance query failed")
        return jsonify(error="search failed"), 500
    return jsonify(term=term, count=len(hits), hits=hits)


if __name__ == "__main__":
    app.run(port=8081)
