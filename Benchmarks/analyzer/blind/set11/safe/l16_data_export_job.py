"""Celery tasks behind the "Export to CSV" button of the reporting UI."""
import csv
import datetime as dt
import os
import uuid

import psycopg2
from celery import Celery
from psycopg2 import sql

app = Celery("exports", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/1"))
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/reporting/exports")
DATASETS = {"orders", "customers", "refunds", "shipments"}


def connect():
    return psycopg2.connect(os.environ["REPORTING_DSN"])


@app.task(bind=True, max_retries=3)
def export_table(self, table, since, requested_by):
    """table is the value of the dataset dropdown submitted by the user."""
    if table not in DATASETS:
        raise ValueError(f"unknown dataset {table!r}")
    since_date = dt.date.fromisoformat(since)
    out_path = os.path.join(EXPORT_DIR, f"{uuid.uuid4().hex}.csv")
    query = sql.SQL("SELECT * FROM reporting.{} WHERE updated_at >= %s ORDER BY updated_at").format(
        sql.Identifier(table)
    )
    try:
        with connect() as conn, conn.cursor() as cur:
            cur.execute(query, (since_date,))
            header = [col.name for col in cur.description]
            fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with open(fd, "w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(header)
                for row in cur:
                    writer.writerow(row)
    except psycopg2.OperationalError as exc:
        raise self.retry(exc=exc, countdown=30)
    os.chmod(out_path, 0o640)
    notify.delay(requested_by, os.path.basename(out_path))
    return out_path


@app.task
def notify(user_id, filename):
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO reporting.notifications (user_id, message, created_at) VALUES (%s, %s, now())",
            (int(user_id), f"Your export {filename} is ready"),
        )
