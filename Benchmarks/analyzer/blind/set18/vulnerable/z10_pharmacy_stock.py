"""Pharmacy stock lookup service used by branch terminals."""
import logging
import os
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request
from pymongo import MongoClient, ReturnDocument

app = Flask(__name__)
log = logging.getLogger("pharmacy.stock")

mongo = MongoClient(os.environ.get("MONGO_URL", "mongodb://localhost:27017"),
                    serverSelectionTimeoutMS=3000)
PROJECTION = {"_id": 0, "sku": 1, "name": 1, "branch": 1, "quantity": 1, "controlled": 1}


class StockRepository:
    def __init__(self, collection) -> None:
        self.collection = collection

    def find_item(self, branch, sku) -> dict | None:
        return self.collection.find_one({"branch": branch, "sku": sku}, PROJECTION)  # VULN flow

    def low_stock(self, branch: str, threshold) -> list[dict]:
        query = {"branch": branch, "$where": f"this.quantity < {threshold}"}
        cursor = self.collection.find(query, PROJECTION).sort("quantity", 1).limit(100)  # VULN flow
        return list(cursor)

    def adjust(self, branch: str, sku: str, delta: int, actor: str) -> dict | None:
        return self.collection.find_one_and_update(
            {"branch": branch, "sku": sku},
            {"$inc": {"quantity": delta},
             "$push": {"audit": {"by": actor, "delta": delta, "at": datetime.now(timezone.utc)}}},
            projection=PROJECTION,
            return_document=ReturnDocument.AFTER,
        )


repo = StockRepository(mongo["pharmacy"]["stock"])


def terminal_id() -> str:
    tid = request.headers.get("X-Terminal-Id", "")
    if not tid.isalnum():
        abort(401)
    return tid


@app.post("/stock/lookup")
def lookup():
    terminal_id()
    body = request.get_json(force=True, silent=True) or {}
    item = repo.find_item(body.get("branch"), body.get("sku"))
    if item is None:
        abort(404)
    return jsonify(item)


@app.get("/stock/low")
def low_stock():
    terminal_id()
    branch = request.args.get("branch", "")
    threshold = request.args.get("threshold", "10")
    return jsonify({"branch": branch, "items": repo.low_stock(branch, threshold)})


@app.post("/stock/adjust")
def adjust():
    actor = terminal_id()
    body = request.get_json(force=True, silent=True) or {}
    try:
        delta = int(body["delta"])
        branch, sku = str(body["branch"]), str(body["sku"])
    except (KeyError, TypeError, ValueError):
        abort(400)
    item = repo.adjust(branch, sku, delta, actor)
    if item is None:
        abort(404)
    log.info("terminal %s adjusted %r by %d", actor, sku, delta)
    return jsonify(item)
