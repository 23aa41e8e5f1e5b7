"""Read-only access helpers for the analytics reporting database."""
import contextlib
import datetime
import logging
import os

import psycopg2
import psycopg2.extras

log = logging.getLogger("analytics.db")

DB_HOST = "reporting-db.internal.example.com"
DB_NAME = "reporting"
DB_USER = "report_reader"
DB_PASSWORD_ENV = "REPORTING_DB_PASSWORD"


@contextlib.contextmanager
def reporting_connection():
    conn = psycopg2.connect(host=DB_HOST, dbname=DB_NAME, user=DB_USER, password=os.environ[DB_PASSWORD_ENV], sslmode="require", connect_timeout=10)
    try:
        conn.set_session(readonly=True, autocommit=True)
        yield conn
    finally:
        conn.close()


def daily_signups(days: int = 30):
    since = datetime.date.today() - datetime.timedelta(days=days)
    with reporting_connection() as conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            "SELECT date_trunc('day', created_at)::date AS day, count(*) AS signups "
            "FROM accounts WHERE created_at >= %s GROUP BY 1 ORDER BY 1",
            (since,),
        )
        return cur.fetchall()


def revenue_by_plan(month: datetime.date):
    start = month.replace(day=1)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    with reporting_connection() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT p.name, sum(i.amount_cents) / 100.0 FROM invoices i JOIN plans p ON p.id = i.plan_id "
            "WHERE i.paid_at >= %s AND i.paid_at < %s GROUP BY p.name ORDER BY 2 DESC",
            (start, end),
        )
        return dict(cur.fetchall())


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    for row in daily_signups(7):
        log.info("%s: %d", row["day"], row["signups"])
