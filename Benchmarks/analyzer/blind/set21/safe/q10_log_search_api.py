"""Ops API: search recent application log lines for a pattern."""
import hmac
import os
import re
from collections import deque
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

LOG_FILES = {
    "api": "/var/log/shopfront/api.log",
    "worker": "/var/log/shopfront/worker.log",
    "billing": "/var/log/shopfront/billing.log",
}
TAIL_LINES = 20000


@dataclass
class LogQuery:
    source: str
    pattern: str
    ignore_case: bool = False
    limit: int = 200

    @classmethod
    def from_args(cls, args):
        return cls(
            source=args.get("source", "api"),
            pattern=args.get("pattern", "")[:200],
            ignore_case=args.get("icase") == "1",
            limit=min(int(args.get("limit", "200")), 1000),
        )


def tail(path, n):
    with open(path, "r", encoding="utf-8", errors="replace") as fh:
        return deque(fh, maxlen=n)


def search(query):
    flags = re.IGNORECASE if query.ignore_case else 0
    matcher = re.compile(re.escape(query.pattern), flags)
    hits = []
    for line in tail(LOG_FILES[query.source], TAIL_LINES):
        if matcher.search(line):
            hits.append(line.rstrip("\n"))
            if len(hits) >= query.limit:
                break
    return hits


@app.get("/ops/logs/search")
def log_search():
    expected = os.environ.get("OPS_TOKEN", "")
    if not expected or not hmac.compare_digest(request.headers.get("X-Ops-Token", ""), expected):
        abort(403)
    try:
        query = LogQuery.from_args(request.args)
    except ValueError:
        abort(400)
    if query.source not in LOG_FILES or not query.pattern:
        abort(400)
    return jsonify(source=query.source, matches=search(query))
