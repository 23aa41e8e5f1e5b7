"""Worker endpoint: the scheduler asks this box to run one of a fixed set of jobs."""
import time

from flask import Flask, jsonify, request

from jobs import rebuild_search_index, recompute_invoices, send_digest_emails

app = Flask(__name__)
RESULTS = {}
JOBS = {
    "reindex": rebuild_search_index,
    "invoices": recompute_invoices,
    "digest": send_digest_emails,
}


def run_job(job_id, name, args):
    fn = JOBS[name]
    started = time.monotonic()
    result = fn(*args)
    RESULTS[job_id] = {"job": name, "result": result, "seconds": time.monotonic() - started}
    return RESULTS[job_id]


@app.route("/jobs/<job_id>", methods=["PUT"])
def submit_job(job_id):
    spec = request.get_json(silent=True) or {}
    name = spec.get("job")
    if name not in JOBS:
        return jsonify(error="unknown job"), 400
    args = [str(a) for a in spec.get("args", [])][:5]
    return jsonify(run_job(job_id, name, args))


@app.route("/jobs/<job_id>")
def job_result(job_id):
    if job_id not in RESULTS:
        return jsonify(error="unknown job"), 404
    return jsonify(RESULTS[job_id])
