"""Guest order lookup: customers find an order by order number and email."""
import os
from datetime import datetime, timezone

from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
client = MongoClient(os.environ.get("MONGO_URL", "mongodb://localhost:27017"))
orders = client.shop.orders

PUBLIC_FIELDS = {"_id": 0, "order_no": 1, "status": 1, "items": 1, "placed_at": 1}


class OrderLookup:
    def __init__(self, body):
        self.order_no = body.get("order_no")
        self.email = body.get("email")

    def is_complete(self):
        return bool(self.order_no) and bool(self.email)

    def query(self):
        return {"order_no": self.order_no, "email": self.email}


def serialise(doc):
    placed = doc.get("placed_at")
    if isinstance(placed, datetime):
        doc["placed_at"] = placed.astimezone(timezone.utc).isoformat()
    return doc


@app.post("/orders/lookup")
def lookup():
    body = request.get_json(silent=True) or {}
    req = OrderLookup(body)
    if not req.is_complete():
        return jsonify(error="order_no and email are required"), 400
    doc = orders.find_one(req.query(), PUBLIC_FIELDS)  # VULN flow
    if doc is None:
        return jsonify(error="order not found"), 404
    return jsonify(serialise(doc))


@app.get("/orders/status-counts")
def status_counts():
    pipeline = [{"$group": {"_id": "$status", "n": {"$sum": 1}}}]
    return jsonify({row["_id"]: row["n"] for row in orders.aggregate(pipeline)})
