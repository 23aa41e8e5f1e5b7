import os

from flask import Flask, jsonify

from inventory.db import init_db, list_items

app = Flask(__name__)
app.config["DATABASE_URL"] = os.environ.get("DATABASE_URL", "sqlite:///inventory.db")


@app.route("/items")
def items():
    return jsonify(list_items(app.config["DATABASE_URL"]))


@app.route("/health")
def health():
    return {"status": "ok"}


if __name__ == "__main__":
    init_db(app.config["DATABASE_URL"])
    app.run(host="127.0.0.1", port=5000, debug=True)  # VULN
