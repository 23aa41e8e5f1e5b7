"""Lightweight queue status page rendered straight from the squeue cache table."""
import os
import sqlite3

from flask import Flask, Response, g, request

CACHE_DB = os.environ.get("SQUEUE_CACHE", "/var/cache/clusterweb/squeue.db")

app = Flask(__name__)

PAGE = """<!doctype html>
<html><head><title>{title}</title><link rel="stylesheet" href="/static/queue.css"></head>
<body><h1>{title}</h1>
<table class="jobs"><tr><th>ID</th><th>Name</th><th>User</th><th>State</th><th>Comment</th></tr>
{rows}
</table></body></html>"""


def db():
    if "db" not in g:
        g.db = sqlite3.connect(CACHE_DB)
        g.db.row_factory = sqlite3.Row
    return g.db


class JobStore:
    def jobs_for(self, partition):
        if partition == "all":
            return db().execute("SELECT * FROM jobs ORDER BY job_id DESC LIMIT 500").fetchall()
        return db().execute(
            "SELECT * FROM jobs WHERE partition = ? ORDER BY job_id DESC LIMIT 500", (partition,)
        ).fetchall()

    def get(self, job_id):
        return db().execute("SELECT * FROM jobs WHERE job_id = ?", (job_id,)).fetchone()


store = JobStore()


def render_row(job) -> str:
    return (
        f"<tr class=\"{job['state'].lower()}\"><td>{job['job_id']}</td><td>{job['name']}</td>"
        f"<td>{job['user']}</td><td>{job['state']}</td><td>{job['comment'] or ''}</td></tr>"
    )


@app.get("/queue")
def queue_page():
    partition = request.args.get("partition", "all")
    jobs = store.jobs_for(partition)
    rows = "\n".join(render_row(j) for j in jobs)
    page = PAGE.format(title=f"Queue: {partition}", rows=rows)
    return Response(page, mimetype="text/html")  # VULN flow


@app.get("/job/<job_id>")
def job_detail(job_id):
    job = store.get(job_id)
    if job is None:
        return f"<p>No job with id <code>{job_id}</code> in the cache.</p>", 404  # VULN flow
    page = PAGE.format(title=f"Job {job['job_id']}", rows=render_row(job))
    return Response(page, mimetype="text/html")  # VULN flow


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()
