"""Celery tasks behind the "Export to CSV" button of the reporting UI."""
import csv
import datetime as dt
import os
import uuid

import psycopg2
from celery import Celery

app = Celery("exports", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/1"))
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/reporting/exports")


def connect():
    return psycopg2.connect(os.environ["REPORTING_DSN"])


@app.task(bind=True, max_retries=3)
def export_table(self, table, since, requested_by):
    """table is the value of the dataset dropdown submitted by the user."""
    since_date = dt.date.fromisoformat(since)
    out_path = os.path.join(EXPORT_DIR, f"{uuid.uuid4().hex}.csv")
    query = "SELECT * FROM reporting.%s WHERE updated_at >= %%s ORDER BY updated_at" % table
    try:
        with connect() as conn, conn.cursor() as cur:
            cur.execute(query, (since_date,))  # VULN flow
            header = [col.name for col in cur.description]
            with open(out_path, "w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(header)
                for row in cur:
                    writer.writerow(row)
    except psycopg2.OperationalError as exc:
        raise self.retry(exc=exc, countdown=30)
    os.chmod(out_path, 0o666)  # VULN
    notify.delay(requested_by, os.path.basename(out_path))
    return out_path


@app.task
def notify(user_id, filename):
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO reporting.notifications (user_id, message, created_at) VALUES (%s, %s, now())",
            (int(user_id), f"Your export {filename} is ready"),
        )
