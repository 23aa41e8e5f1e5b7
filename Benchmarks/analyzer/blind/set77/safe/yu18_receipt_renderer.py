#!/usr/bin/env python3
"""Nightly cron: render PDF receipts for yesterday's completed jobs.

Receipts are written to the shared spool that the mailer container picks up.
"""
import logging
import os
import sqlite3
import subprocess
import tempfile
from datetime import date, timedelta
from html import escape

log = logging.getLogger("receipts")

DB_PATH = os.environ.get("JOBS_DB", "/srv/handyhub/jobs.db")
SPOOL_DIR = os.environ.get("RECEIPT_SPOOL", "/srv/spool/receipts")
WKHTMLTOPDF = "/usr/local/bin/wkhtmltopdf"

TEMPLATE = """<html><body>
<h2>Receipt #{job_id}</h2>
<p>{customer} &mdash; {service}</p>
<p>Provider: {provider}</p>
<p><strong>Total: &pound;{total}</strong></p>
</body></html>"""


def completed_jobs(day: date):
    conn = sqlite3.connect(DB_PATH)
    try:
        return conn.execute(
            "SELECT id, customer_name, service, provider_name, total FROM jobs "
            "WHERE status = 'completed' AND date(completed_at) = ?",
            (day.isoformat(),),
        ).fetchall()
    finally:
        conn.close()


def render_receipt(job) -> str:
    job_id, customer, service, provider, total = job
    html = TEMPLATE.format(
        job_id=job_id, customer=escape(customer), service=escape(service),
        provider=escape(provider), total=f"{total:.2f}",
    )
    fd, html_path = tempfile.mkstemp(suffix=".html", prefix=f"receipt-{job_id}-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(html)
    out_path = os.path.join(SPOOL_DIR, f"receipt-{job_id}.pdf")
    try:
        subprocess.run([WKHTMLTOPDF, "--quiet", html_path, out_path], check=True, timeout=60)
    finally:
        os.unlink(html_path)
    return out_path


def prepare_spool() -> None:
    os.makedirs(SPOOL_DIR, exist_ok=True)
    # mailer runs in the shared "spool" group
    os.chmod(SPOOL_DIR, 0o2770)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    prepare_spool()
    day = date.today() - timedelta(days=1)
    jobs = completed_jobs(day)
    for job in jobs:
        try:
            path = render_receipt(job)
            log.info("rendered %s", path)
        except subprocess.SubprocessError:
            log.exception("failed to render receipt for job %s", job[0])
    log.info("done: %d receipts for %s", len(jobs), day)


if __name__ == "__main__":
    main()
