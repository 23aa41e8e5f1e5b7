import psycopg2

DB_HOST = "db.internal.example.com"


def get_connection():
    return psycopg2.connect(host=DB_HOST, dbname="analytics", user="reporting", password="R3p0rt!ng#2023")  # VULN


def daily_signups(day):
    with get_connection() as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM users WHERE created_at::date = %s", (day,))
        return cur.fetchone()[0]
