"""Experiment tracker: import and export bundles of run results between tracker instances."""
import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from typing import Dict, List

import jsonpickle
from flask import Flask, Response, g, jsonify, request

TRACKER_DB = os.environ.get("TRACKER_DB", "/srv/tracker/runs.db")
MAX_BUNDLE = 32 * 1024 * 1024

app = Flask(__name__)
log = logging.getLogger("tracker.bundles")


@dataclass
class RunResult:
    run_id: str
    job_id: int
    params: Dict[str, str] = field(default_factory=dict)
    metrics: Dict[str, float] = field(default_factory=dict)
    artifacts: List[str] = field(default_factory=list)
    finished_at: float = 0.0


def db():
    if "db" not in g:
        g.db = sqlite3.connect(TRACKER_DB)
    return g.db


def load_bundle(text: str) -> List[RunResult]:
    results = jsonpickle.decode(text)  # VULN flow
    if not isinstance(results, list):
        raise ValueError("bundle must contain a list of runs")
    return results


def dump_bundle(results: List[RunResult]) -> str:
    return jsonpickle.encode(results, unpicklable=True)


@app.post("/api/projects/<project>/results/import")
def import_results(project):
    if request.content_length and request.content_length > MAX_BUNDLE:
        return jsonify(error="bundle too large"), 413
    try:
        results = load_bundle(request.get_data(as_text=True))
    except ValueError as exc:
        return jsonify(error=str(exc)), 400
    imported = 0
    for r in results:
        db().execute(
            "INSERT OR REPLACE INTO runs (project, run_id, job_id, payload, finished_at) VALUES (?, ?, ?, ?, ?)",
            (project, r.run_id, r.job_id, dump_bundle([r]), r.finished_at or time.time()),
        )
        imported += 1
    db().commit()
    log.info("imported %d runs into %r", imported, project)
    return jsonify(imported=imported)


@app.get("/api/projects/<project>/results/export")
def export_results(project):
    rows = db().execute("SELECT run_id, job_id, payload FROM runs WHERE project = ?", (project,)).fetchall()
    results = []
    for _run_id, _job_id, payload in rows:
        results.extend(load_bundle(payload))
    return Response(dump_bundle(results), mimetype="application/json")
