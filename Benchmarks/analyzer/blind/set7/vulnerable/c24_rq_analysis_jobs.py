import base64
import os

import dill
from flask import Flask, jsonify, request
from redis import Redis
from rq import Queue
from rq.job import Job

app = Flask(__name__)
redis_conn = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/1"))
queue = Queue("analysis", connection=redis_conn, default_timeout=600)


def run_user_function(payload_b64, args, kwargs):
    fn = dill.loads(base64.b64decode(payload_b64))  # VULN flow
    result = fn(*args, **kwargs)
    return {"repr": repr(result)[:2000], "type": type(result).__name__}


@app.post("/jobs")
def submit():
    body = request.get_json(force=True)
    if "fn" not in body:
        return jsonify(error="missing fn"), 400
    job = queue.enqueue(run_user_function, body["fn"], body.get("args", []), body.get("kwargs", {}), result_ttl=3600)
    return jsonify(job_id=job.id), 202


@app.get("/jobs/<job_id>")
def status(job_id):
    try:
        job = Job.fetch(job_id, connection=redis_conn)
    except Exception:
        return jsonify(error="unknown job"), 404
    payload = {"id": job.id, "status": job.get_status()}
    if job.is_finished:
        payload["result"] = job.result
    return jsonify(payload)
