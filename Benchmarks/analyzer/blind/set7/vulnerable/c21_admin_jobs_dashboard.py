import os
import sqlite3
import traceback

from flask import Flask, jsonify, render_template

app = Flask(__name__)
DB = os.environ.get("JOBS_DB", "/srv/jobs/jobs.sqlite")


def db():
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    return conn


@app.route("/admin/jobs")
def jobs_page():
    with db() as conn:
        jobs = conn.execute("SELECT id, name, status, updated_at FROM jobs ORDER BY updated_at DESC LIMIT 200").fetchall()
    return render_template("jobs.html", jobs=jobs)


@app.route("/admin/api/jobs/<int:job_id>/retry", methods=["POST"])
def retry_job(job_id):
    try:
        with db() as conn:
            row = conn.execute("SELECT status FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                return jsonify(error="no such job"), 404
            if row["status"] not in ("failed", "cancelled"):
                raise RuntimeError(f"job {job_id} is {row['status']}")
            conn.execute("UPDATE jobs SET status = 'queued', attempts = attempts + 1 WHERE id = ?", (job_id,))
    except Exception:
        return jsonify(error="retry failed", trace=traceback.format_exc()), 500  # VULN
    return jsonify(ok=True, job_id=job_id)


@app.route("/admin/api/jobs/<int:job_id>")
def job_detail(job_id):
    with db() as conn:
        row = conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
    if row is None:
        return jsonify(error="no such job"), 404
    return jsonify(dict(row))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)  # VULN
