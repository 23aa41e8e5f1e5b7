import os
import statistics

from flask import Flask, jsonify, request
from redis import Redis
from rq import Queue
from rq.exceptions import NoSuchJobError
from rq.job import Job

app = Flask(__name__)
redis_conn = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/1"))
queue = Queue("analysis", connection=redis_conn, default_timeout=600)
MAX_POINTS = 100_000


def describe(values):
    return {"n": len(values), "mean": statistics.fmean(values), "stdev": statistics.pstdev(values), "median": statistics.median(values)}


def percentiles(values, cuts=(50, 90, 99)):
    q = statistics.quantiles(values, n=100)
    return {f"p{c}": q[c - 1] for c in cuts}


TASKS = {"describe": describe, "percentiles": percentiles}


@app.post("/jobs")
def submit():
    body = request.get_json(force=True)
    func = TASKS.get(body.get("task"))
    values = body.get("values")
    if func is None:
        return jsonify(error=f"task must be one of {sorted(TASKS)}"), 400
    if not isinstance(values, list) or not 2 <= len(values) <= MAX_POINTS:
        return jsonify(error="values must be a list of 2..100000 numbers"), 400
    try:
        values = [float(v) for v in values]
    except (TypeError, ValueError):
        return jsonify(error="values must be numeric"), 400
    job = queue.enqueue(func, values, result_ttl=3600)
    return jsonify(job_id=job.id), 202


@app.get("/jobs/<job_id>")
def status(job_id):
    try:
        job = Job.fetch(job_id, connection=redis_conn)
    except NoSuchJobError:
        return jsonify(error="unknown job"), 404
    payload = {"id": job.id, "status": job.get_status()}
    if job.is_finished:
        payload["result"] = job.result
    return jsonify(payload)
