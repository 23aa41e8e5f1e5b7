import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


class OrderRepo:
    def __init__(self, path="orders.db"):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    def by_customer(self, customer, status=None, limit=50):
        sql = "SELECT id, total, created FROM orders WHERE customer = ?"
        params = [customer]
        if status:
            sql += " AND status = ?"
            params.append(status)
        sql += f" ORDER BY created DESC LIMIT {int(limit)}"
        return [dict(r) for r in self.conn.execute(sql, params)]

    def close(self):
        self.conn.close()


@app.route("/reports/orders")
def orders_report():
    try:
        limit = min(int(request.args.get("limit", 50)), 500)
    except ValueError:
        return jsonify(error="limit must be an integer"), 400
    repo = OrderRepo()
    try:
        rows = repo.by_customer(request.args["customer"], request.args.get("status"), limit)
    finally:
        repo.close()
    return jsonify(count=len(rows), orders=rows)
