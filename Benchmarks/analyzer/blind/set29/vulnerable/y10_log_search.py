"""Ops endpoint that searches the tail of recent service logs."""
import os
import re
from collections import deque
from itertools import islice

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
LOG_DIR = os.environ.get("APP_LOG_DIR", "/var/log/app")
LOG_FILES = {"api": "api.log", "worker": "worker.log", "scheduler": "scheduler.log"}
TAIL_LINES = 20000
MAX_TERM_LENGTH = 200


def tail(path: str, count: int) -> deque:
    with open(path, "r", encoding="utf-8", errors="replace") as handle:
        return deque(handle, maxlen=count)


class LogSearch:
    def __init__(self, term: str, ignore_case: bool = False):
        self.term = term
        self.flags = re.IGNORECASE if ignore_case else 0

    def matcher(self):
        return re.compile(self.term, self.flags)  # VULN flow

    def run(self, lines, limit: int) -> list:
        pattern = self.matcher()
        hits = (line.rstrip("\n") for line in lines if pattern.search(line))
        return list(islice(hits, limit))


@app.get("/logs/<service>/search")
def search_logs(service: str):
    filename = LOG_FILES.get(service)
    if filename is None:
        abort(404)
    term = request.args.get("q", "")
    if not term or len(term) > MAX_TERM_LENGTH:
        abort(400, description="q must be 1-200 characters")
    limit = max(1, min(request.args.get("limit", 200, type=int), 1000))
    search = LogSearch(term, ignore_case=request.args.get("i") == "1")
    lines = tail(os.path.join(LOG_DIR, filename), TAIL_LINES)
    return jsonify(service=service, term=term, matches=search.run(lines, limit))


@app.get("/logs")
def list_logs():
    available = {
        name: os.path.getsize(os.path.join(LOG_DIR, filename))
        for name, filename in LOG_FILES.items()
        if os.path.exists(os.path.join(LOG_DIR, filename))
    }
    return jsonify(available)
