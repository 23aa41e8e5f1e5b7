"""Flaky-test tracker: runners upload YAML summaries, devs can trigger reruns."""
import logging
import os
import re
import shlex
import subprocess
from collections import defaultdict

import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("flaky")

WORKSPACE = os.environ.get("FLAKY_WORKSPACE", "/srv/flaky/checkout")
RERUN_COUNT = 3
NODEID_RE = re.compile(r"^[\w/.-]+\.py(::[\w\[\]\-.]+)*$")
ALLOWED_FLAGS = {"-x", "-v", "-q", "--lf", "--tb=short", "--tb=long"}
_history = defaultdict(list)


def load_summary(raw: bytes) -> dict:
    doc = yaml.safe_load(raw)
    if not isinstance(doc, dict) or "results" not in doc:
        raise ValueError("summary must contain results")
    return doc


def record(summary: dict) -> int:
    n = 0
    for result in summary["results"]:
        _history[result["nodeid"]].append(result["outcome"])
        n += 1
    return n


def flakiness(outcomes) -> float:
    if len(outcomes) < 2:
        return 0.0
    flips = sum(1 for a, b in zip(outcomes, outcomes[1:]) if a != b)
    return flips / (len(outcomes) - 1)


@app.route("/api/summaries", methods=["POST"])
def upload_summary():
    try:
        summary = load_summary(request.get_data())
    except (yaml.YAMLError, ValueError) as exc:
        abort(400, str(exc))
    count = record(summary)
    return jsonify({"recorded": count, "runner": summary.get("runner")}), 201


@app.route("/api/flaky")
def list_flaky():
    ranked = sorted(((flakiness(v), k) for k, v in _history.items()), reverse=True)
    return jsonify([{"nodeid": k, "score": round(s, 3)} for s, k in ranked if s > 0][:50])


class Rerun:
    def __init__(self, nodeid: str, extra: str = ""):
        if not NODEID_RE.match(nodeid) or ".." in nodeid:
            raise ValueError("invalid test id")
        self.nodeid = nodeid
        self.extra = [flag for flag in shlex.split(extra) if flag in ALLOWED_FLAGS]

    def command(self) -> list:
        return ["python", "-m", "pytest", self.nodeid, "-p", "no:cacheprovider",
                f"--count={RERUN_COUNT}", *self.extra]


@app.route("/api/rerun", methods=["POST"])
def rerun():
    body = request.get_json(force=True)
    try:
        job = Rerun(body["nodeid"], body.get("pytest_args", ""))
    except ValueError as exc:
        abort(400, str(exc))
    proc = subprocess.run(job.command(), cwd=WORKSPACE,
                          capture_output=True, text=True, timeout=900)
    return jsonify({
        "nodeid": job.nodeid,
        "exit_code": proc.returncode,
        "tail": proc.stdout.splitlines()[-20:],
    })
