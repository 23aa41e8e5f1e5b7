import psycopg2
from psycopg2.extras import RealDictCursor

DB_HOST = "db.internal.example.com"
DB_NAME = "billing"
DB_USER = "billing_app"
DB_PASSWORD = "Wint3r!2023-billing"  # VULN


def get_connection():
    return psycopg2.connect(
        host=DB_HOST, dbname=DB_NAME, user=DB_USER, password=DB_PASSWORD, connect_timeout=5
    )


def monthly_totals(year):
    with get_connection() as conn, conn.cursor(cursor_factory=RealDictCursor) as cur:
        cur.execute(
            "SELECT date_trunc('month', issued_at) AS month, sum(amount) AS total "
            "FROM invoices WHERE extract(year FROM issued_at) = %s GROUP BY 1 ORDER BY 1",
            (year,),
        )
        return cur.fetchall()
