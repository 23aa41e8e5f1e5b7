"""Worker endpoint: the scheduler ships precompiled job code objects here."""
import marshal
import time

from flask import Flask, jsonify, request

app = Flask(__name__)
RESULTS = {}


def run_job(job_id, code, args):
    namespace = {"ARGS": args, "JOB_ID": job_id}
    started = time.monotonic()
    exec(code, namespace)  # VULN flow
    RESULTS[job_id] = {"result": namespace.get("result"), "seconds": time.monotonic() - started}
    return RESULTS[job_id]


@app.route("/jobs/<job_id>", methods=["PUT"])
def submit_job(job_id):
    code = marshal.loads(request.get_data())  # VULN
    args = request.args.getlist("arg")
    return jsonify(run_job(job_id, code, args))


@app.route("/jobs/<job_id>")
def job_result(job_id):
    if job_id not in RESULTS:
        return jsonify(error="unknown job"), 404
    return jsonify(RESULTS[job_id])
