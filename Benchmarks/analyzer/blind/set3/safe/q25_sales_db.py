import os

import mysql.connector

DB_HOST = os.environ.get("SALES_DB_HOST", "db-prod-01.internal")
DB_USER = os.environ.get("SALES_DB_USER", "report_svc")
DB_NAME = "sales"


def get_connection():
    return mysql.connector.connect(
        host=DB_HOST,
        user=DB_USER,
        password=os.environ["SALES_DB_PASSWORD"],
        database=DB_NAME,
    )


def monthly_totals(year):
    conn = get_connection()
    try:
        cur = conn.cursor()
        cur.execute(
            "SELECT MONTH(created_at), SUM(amount) FROM orders WHERE YEAR(created_at) = %s GROUP BY 1",
            (int(year),),
        )
        return dict(cur.fetchall())
    finally:
        conn.close()
