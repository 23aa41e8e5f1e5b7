"""Tiny queue dashboard for the RQ workers."""
import os

from flask import Flask, abort, render_template_string, request
from redis import Redis
from rq import Queue
from rq.job import Job
from rq.registry import FailedJobRegistry, FinishedJobRegistry, StartedJobRegistry

app = Flask(__name__)
redis_conn = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))

REGISTRIES = {
    "started": StartedJobRegistry,
    "finished": FinishedJobRegistry,
    "failed": FailedJobRegistry,
}

PAGE = """<!doctype html>
<title>Jobs</title>
<h1>{{ queue_name }} &middot; {{ state }}</h1>
<table>
  <tr><th>ID</th><th>Function</th><th>Enqueued</th><th>Status</th></tr>
  {% for job in jobs %}
  <tr><td>{{ job.id }}</td><td>{{ job.func_name }}</td>
      <td>{{ job.enqueued_at }}</td><td>{{ job.get_status() }}</td></tr>
  {% endfor %}
</table>
"""


def fetch_jobs(queue_name, state, limit=100):
    queue = Queue(queue_name, connection=redis_conn)
    if state == "queued":
        return queue.get_jobs(0, limit)
    registry = REGISTRIES[state](queue=queue)
    job_ids = registry.get_job_ids(0, limit - 1)
    return [job for job in Job.fetch_many(job_ids, connection=redis_conn) if job is not None]


@app.get("/queues/<queue_name>")
def queue_view(queue_name):
    state = request.args.get("state", "queued")
    if state != "queued" and state not in REGISTRIES:
        abort(400)
    jobs = fetch_jobs(queue_name, state)
    return render_template_string(PAGE, jobs=jobs, queue_name=queue_name, state=state)


@app.get("/healthz")
def healthz():
    redis_conn.ping()
    return {"status": "ok"}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5050, debug=False)
