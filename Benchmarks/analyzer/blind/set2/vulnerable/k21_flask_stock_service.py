from flask import Flask, jsonify

from inventory import warehouse_levels

app = Flask(__name__)


@app.get("/health")
def health():
    return jsonify(status="ok")


@app.get("/stock/<int:warehouse_id>")
def stock(warehouse_id):
    return jsonify(warehouse_levels(warehouse_id))


if __name__ == "__main__":
    app.run(port=5000, debug=True)  # VULN
