import mysql.connector

DB_HOST = "db-prod-01.internal"
DB_USER = "report_svc"
DB_PASSWORD = "Xk9#pL2vQ!r7wT"  # VULN
DB_NAME = "sales"


def get_connection():
    return mysql.connector.connect(
        host=DB_HOST,
        user=DB_USER,
        password=DB_PASSWORD,
        database=DB_NAME,
    )


def monthly_totals(year):
    conn = get_connection()
    try:
        cur = conn.cursor()
        cur.execute(
            "SELECT MONTH(created_at), SUM(amount) FROM orders WHERE YEAR(created_at) = %s GROUP BY 1",
            (year,),
        )
        return dict(cur.fetchall())
    finally:
        conn.close()
