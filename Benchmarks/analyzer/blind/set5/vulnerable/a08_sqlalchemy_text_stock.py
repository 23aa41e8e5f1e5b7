from flask import Flask, jsonify, request
from sqlalchemy import create_engine, text

app = Flask(__name__)
engine = create_engine("postgresql+psycopg2://inventory@localhost/inventory")


@app.route("/api/stock")
def stock_level():
    if "sku" not in request.args:
        return jsonify(error="sku required"), 400
    with engine.connect() as conn:
        result = conn.execute(text(f"SELECT sku, quantity, warehouse FROM stock WHERE sku = '{request.args['sku']}'"))  # VULN
        rows = [dict(r._mapping) for r in result]
    if not rows:
        return jsonify(error="unknown sku"), 404
    return jsonify(rows)
