"""Celery tasks that build tenant order reports requested from the merchant dashboard."""
import csv
import io
import logging
import os
from contextlib import contextmanager
from typing import Iterator, Optional

import boto3
import psycopg2
from celery import Celery
from psycopg2 import sql

log = logging.getLogger("reports")
app = Celery("reports", broker=os.environ.get("CELERY_BROKER", "redis://localhost:6379/2"))
REPORT_BUCKET = os.environ.get("REPORT_BUCKET", "merchant-reports")
SORT_COLUMNS = {"created": ("o", "created_at"), "total": ("o", "total_cents"), "status": ("o", "status")}


@contextmanager
def pg() -> Iterator[psycopg2.extensions.connection]:
    conn = psycopg2.connect(os.environ["REPORTS_DSN"], connect_timeout=5)
    try:
        yield conn
    finally:
        conn.close()


class OrderReportQuery:
    COLUMNS = "o.id, o.created_at, o.region, o.status, o.total_cents, c.email"

    def __init__(self, conn, tenant_slug: str):
        self.conn = conn
        self.tenant_slug = tenant_slug

    def _use_tenant_schema(self, cur) -> None:
        cur.execute(sql.SQL("SET search_path TO {}, public").format(sql.Identifier(f"tenant_{self.tenant_slug}")))

    def fetch(self, since: str, region: Optional[str], sort: str):
        query = sql.SQL(
            f"SELECT {self.COLUMNS} FROM orders o JOIN customers c ON c.id = o.customer_id "
            "WHERE o.created_at >= %s"
        )
        params = [since]
        if region:
            query += sql.SQL(" AND o.region = %s")
            params.append(region)
        table, column = SORT_COLUMNS.get(sort, SORT_COLUMNS["created"])
        query += sql.SQL(" ORDER BY {} DESC LIMIT 50000").format(sql.Identifier(table, column))
        with self.conn.cursor() as cur:
            self._use_tenant_schema(cur)
            cur.execute(query, params)
            return cur.fetchall()


def to_csv(rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["order_id", "created_at", "region", "status", "total_cents", "customer_email"])
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


@app.task(bind=True, max_retries=3, default_retry_delay=30)
def build_order_report(self, tenant_slug: str, report_id: str, filters: dict) -> str:
    try:
        with pg() as conn:
            rows = OrderReportQuery(conn, tenant_slug).fetch(
                filters.get("since", "1970-01-01"), filters.get("region"), filters.get("sort", "created")
            )
    except psycopg2.OperationalError as exc:
        raise self.retry(exc=exc)
    key = f"{tenant_slug}/{report_id}.csv"
    boto3.client("s3").put_object(Bucket=REPORT_BUCKET, Key=key, Body=to_csv(rows), ContentType="text/csv")
    log.info("report %s for tenant %s: %d rows", report_id, tenant_slug, len(rows))
    return key
