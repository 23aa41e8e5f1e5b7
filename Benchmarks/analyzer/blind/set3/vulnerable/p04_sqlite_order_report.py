import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


class OrderRepo:
    def __init__(self, path="orders.db"):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    def by_customer(self, customer, status=None):
        sql = "SELECT id, total, created FROM orders WHERE customer = '%s'" % customer
        if status:
            sql += " AND status = '%s'" % status
        sql += " ORDER BY created DESC"
        return [dict(r) for r in self.conn.execute(sql)]  # VULN flow

    def close(self):
        self.conn.close()


@app.route("/reports/orders")
def orders_report():
    repo = OrderRepo()
    try:
        rows = repo.by_customer(request.args["customer"], request.args.get("status"))
    finally:
        repo.close()
    return jsonify(count=len(rows), orders=rows)
