"""Order lookup API used by marketplace partners and the support tool."""
import logging
import os

from flask import Flask, abort, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
log = logging.getLogger("partner-orders")
client = MongoClient(os.environ.get("MONGO_URL", "mongodb://localhost:27017"))
db = client["marketplace"]
PROJECTION = {"_id": 0, "order_no": 1, "status": 1, "total": 1, "created": 1}


def partner_from_request():
    body = request.get_json(silent=True) or {}
    api_key = body.get("api_key") or request.headers.get("X-Api-Key")
    if not isinstance(api_key, str) or not api_key:
        abort(401)
    partner = db.partners.find_one({"api_key": api_key, "active": True})
    if partner is None:
        abort(401)
    return partner


def orders_query(partner, customer, status):
    if not isinstance(customer, str):
        abort(400)
    query = {"partner_id": partner["slug"], "customer_email": customer}
    if status:
        query["status"] = str(status)
    return query


@app.route("/orders/search", methods=["POST"])
def search_orders():
    partner = partner_from_request()
    body = request.get_json(silent=True) or {}
    query = orders_query(partner, body.get("customer", ""), body.get("status"))
    cursor = db.orders.find(query, PROJECTION).sort("created", -1).limit(50)
    orders = [{**o, "created": o["created"].isoformat()} for o in cursor]
    return jsonify(orders=orders, count=len(orders))


@app.route("/orders/<order_no>")
def order_detail(order_no):
    partner = partner_from_request()
    order = db.orders.find_one({"order_no": order_no, "partner_id": partner["slug"]}, PROJECTION)
    if order is None:
        abort(404)
    order["created"] = order["created"].isoformat()
    return jsonify(order)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=5110)
