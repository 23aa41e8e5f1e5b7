"""Search training job logs from the cluster UI."""
import logging
import os
import re

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("cluster.logsearch")

LOG_ROOT = os.environ.get("TRAINING_LOG_ROOT", "/var/log/training")
JOB_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")


def iter_lines(job_id: str):
    path = os.path.join(LOG_ROOT, f"{job_id}.log")
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            yield lineno, line.rstrip("\n")


class LogQuery:
    """Query options coming from the log viewer's search box."""

    def __init__(self, args):
        self.pattern = args.get("q", "")
        self.ignore_case = args.get("i") == "1"
        self.limit = max(1, min(int(args.get("limit", 200)), 2000))

    def matcher(self):
        flags = re.IGNORECASE if self.ignore_case else 0
        return re.compile(re.escape(self.pattern), flags)


@app.route("/jobs/<job_id>/logs/search")
def search_logs(job_id):
    if not JOB_RE.fullmatch(job_id):
        abort(400, "bad job id")
    query = LogQuery(request.args)
    if not query.pattern:
        abort(400, "empty query")
    try:
        rx = query.matcher()
    except re.error as exc:
        return jsonify({"error": f"bad pattern: {exc}"}), 400

    hits = []
    try:
        for lineno, line in iter_lines(job_id):
            if rx.search(line):
                hits.append({"line": lineno, "text": line[:500]})
                if len(hits) >= query.limit:
                    break
    except FileNotFoundError:
        abort(404, "no logs for job")

    log.info("log search on %s returned %d hits", job_id, len(hits))
    return jsonify({"job": job_id, "hits": hits, "truncated": len(hits) >= query.limit})
