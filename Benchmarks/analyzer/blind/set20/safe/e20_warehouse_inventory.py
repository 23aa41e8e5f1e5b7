"""Stock lookup API used by the handheld scanners and the replenishment dashboard."""
import os
from typing import Any, Dict, List, Optional

from bson import ObjectId
from flask import Flask, abort, jsonify, request
from pymongo import MongoClient
from pymongo.collection import Collection

app = Flask(__name__)
client = MongoClient(os.environ.get("MONGO_URL", "mongodb://localhost:27017"), serverSelectionTimeoutMS=3000)


def _public(doc: Optional[dict]) -> Optional[dict]:
    if doc is None:
        return None
    doc = dict(doc)
    doc["_id"] = str(doc["_id"]) if isinstance(doc.get("_id"), ObjectId) else doc.get("_id")
    return doc


class StockRepository:
    def __init__(self, collection: Collection):
        self.col = collection

    def find_by_sku(self, sku: str, warehouse: str) -> Optional[dict]:
        return _public(self.col.find_one({"sku": sku, "warehouse": warehouse, "archived": False}))

    def low_stock(self, warehouse: str, threshold: float) -> List[dict]:
        query = {"warehouse": warehouse, "$expr": {"$lt": ["$qty", {"$multiply": ["$reorder_point", threshold]}]}}
        cursor = self.col.find(query).limit(500)
        return [_public(d) for d in cursor]

    def adjust(self, sku: str, warehouse: str, delta: int) -> int:
        res = self.col.update_one({"sku": sku, "warehouse": warehouse}, {"$inc": {"qty": delta}})
        return res.modified_count


repo = StockRepository(client.inventory.stock)


@app.post("/stock/lookup")
def lookup():
    body: Dict[str, Any] = request.get_json(silent=True) or {}
    sku = body.get("sku")
    if not isinstance(sku, str) or not sku:
        abort(400)
    warehouse = str(body.get("warehouse", "MAIN"))
    doc = repo.find_by_sku(sku, warehouse)
    if doc is None:
        abort(404)
    return jsonify(doc)


@app.get("/stock/low")
def low_stock():
    warehouse = request.args.get("warehouse", "MAIN")
    factor = request.args.get("factor", 1.0, type=float)
    return jsonify(items=repo.low_stock(warehouse, factor))


@app.post("/stock/adjust")
def adjust():
    body = request.get_json(silent=True) or {}
    try:
        sku, warehouse, delta = str(body["sku"]), str(body["warehouse"]), int(body["delta"])
    except (KeyError, ValueError, TypeError):
        abort(400)
    if abs(delta) > 10_000:
        abort(422)
    return jsonify(modified=repo.adjust(sku, warehouse, delta))
