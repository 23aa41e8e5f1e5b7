"""Sales report generation tasks, requested on demand from the BI portal."""
import csv
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import date

import psycopg2
from celery import shared_task

log = logging.getLogger(__name__)

REPORT_DIR = os.environ.get("REPORT_DIR", "/srv/reports")
DB_PASSWORD = os.environ["REPORT_DB_PASSWORD"]
DB_SETTINGS = {
    "host": os.environ.get("REPORT_DB_HOST", "reports-db.internal"),
    "dbname": "sales",
    "user": "report_reader",
    "password": DB_PASSWORD,
    "connect_timeout": 10,
}
GROUP_COLUMNS = {"product": "product_name", "store": "store_id", "day": "sold_on"}


@dataclass
class ReportSpec:
    region: str
    start: date
    end: date
    group_by: str = "product"
    requested_by: str = ""

    @classmethod
    def from_payload(cls, payload):
        return cls(
            region=str(payload["region"]),
            start=date.fromisoformat(payload["start"]),
            end=date.fromisoformat(payload["end"]),
            group_by=str(payload.get("group_by", "product")),
            requested_by=str(payload.get("requested_by", "")),
        )


def build_query(spec):
    column = GROUP_COLUMNS[spec.group_by]
    return (
        f"SELECT {column}, SUM(quantity) AS units, SUM(amount) AS revenue "
        f"FROM sales WHERE region = %s AND sold_on BETWEEN %s AND %s "
        f"GROUP BY {column} ORDER BY revenue DESC"
    )


def run_query(sql, params):
    conn = psycopg2.connect(**DB_SETTINGS)
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            header = [col.name for col in cur.description]
            return header, cur.fetchall()
    finally:
        conn.close()


def write_csv(header, rows):
    os.makedirs(REPORT_DIR, exist_ok=True)
    path = os.path.join(REPORT_DIR, f"sales-{uuid.uuid4().hex}.csv")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@shared_task(bind=True, max_retries=2, default_retry_delay=60)
def generate_sales_report(self, payload):
    spec = ReportSpec.from_payload(payload)
    if spec.group_by not in GROUP_COLUMNS:
        raise ValueError("unsupported grouping")
    try:
        header, rows = run_query(build_query(spec), (spec.region, spec.start, spec.end))
    except psycopg2.OperationalError as exc:
        raise self.retry(exc=exc)
    path = write_csv(header, rows)
    log.info("sales report for %r written to %r (%d rows)", spec.requested_by, path, len(rows))
    return {"path": path, "rows": len(rows)}
