from flask import Flask, jsonify, request
from sqlalchemy import create_engine, text

app = Flask(__name__)
engine = create_engine("postgresql+psycopg2://inventory@localhost/inventory")

STOCK_QUERY = text("SELECT sku, quantity, warehouse FROM stock WHERE sku = :sku")


@app.route("/api/stock")
def stock_level():
    if "sku" not in request.args:
        return jsonify(error="sku required"), 400
    with engine.connect() as conn:
        result = conn.execute(STOCK_QUERY, {"sku": request.args["sku"]})
        rows = [dict(r._mapping) for r in result]
    if not rows:
        return jsonify(error="unknown sku"), 404
    return jsonify(rows)
