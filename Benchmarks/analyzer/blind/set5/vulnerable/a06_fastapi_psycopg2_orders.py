import os

import psycopg2
from fastapi import FastAPI, Query

app = FastAPI()


def get_conn():
    return psycopg2.connect(os.environ["DATABASE_URL"])


class OrderRepository:
    def __init__(self, conn):
        self.conn = conn

    def by_status(self, customer_id: int, status: str):
        sql = "SELECT id, total, created_at FROM orders WHERE customer_id = %d AND status = '%s'" % (customer_id, status)
        with self.conn.cursor() as cur:
            cur.execute(sql)  # VULN flow
            return cur.fetchall()


@app.get("/customers/{customer_id}/orders")
def list_orders(customer_id: int, status: str = Query("open")):
    conn = get_conn()
    try:
        rows = OrderRepository(conn).by_status(customer_id, status)
    finally:
        conn.close()
    return [{"id": r[0], "total": float(r[1]), "created_at": r[2].isoformat()} for r in rows]
