"""Funnel builder API: preview which recent pageviews a funnel step matches."""
import logging
import re
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("funnels")
DB_PATH = "/var/lib/analytics/pageviews.db"
MATCH_TYPES = ("exact", "contains", "regex")


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


def recent_urls(project_id: int, limit: int = 5000) -> list[str]:
    cur = db().execute(
        "SELECT url FROM pageviews WHERE project_id = ? ORDER BY ts DESC LIMIT ?",
        (project_id, limit),
    )
    return [row[0] for row in cur]


class StepMatcher:
    def __init__(self, pattern: str, match_type: str = "contains"):
        if match_type not in MATCH_TYPES:
            raise ValueError(f"unknown match type {match_type!r}")
        self.pattern = pattern
        self.match_type = match_type
        self._rx = None
        if match_type == "regex":
            self._rx = re.compile(pattern)  # VULN flow

    def matches(self, url: str) -> bool:
        if self.match_type == "exact":
            return url == self.pattern
        if self.match_type == "contains":
            return self.pattern in url
        return self._rx.search(url) is not None


@app.post("/api/projects/<int:project_id>/funnels/preview")
def preview_steps(project_id):
    spec = request.get_json(force=True) or {}
    steps = spec.get("steps", [])
    if not steps or len(steps) > 10:
        abort(400)
    try:
        matchers = [StepMatcher(s.get("url", ""), s.get("match_type", "contains")) for s in steps]
    except (ValueError, re.error) as exc:
        return jsonify(error=str(exc)), 400

    urls = recent_urls(project_id)
    summary = []
    for i, matcher in enumerate(matchers):
        hits = [u for u in urls if matcher.matches(u)]
        summary.append({"step": i, "matches": len(hits), "examples": hits[:5]})
    return jsonify(steps=summary, sampled=len(urls))


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()
