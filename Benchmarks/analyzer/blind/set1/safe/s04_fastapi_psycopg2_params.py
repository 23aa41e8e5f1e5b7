import os

import psycopg2
from fastapi import FastAPI

app = FastAPI()


def get_conn():
    return psycopg2.connect(os.environ["DATABASE_URL"])


@app.get("/customers/{customer_id}/invoices")
def invoices(customer_id: str, status: str = "open"):
    query = "SELECT id, amount, due_date FROM invoices WHERE customer_id = %s AND status = %s"
    with get_conn() as conn, conn.cursor() as cur:
        cur.execute(query, (customer_id, status))
        rows = cur.fetchall()
    return [{"id": r[0], "amount": float(r[1]), "due": r[2].isoformat()} for r in rows]
