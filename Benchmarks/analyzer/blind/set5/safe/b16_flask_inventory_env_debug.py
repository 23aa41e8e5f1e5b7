import hashlib
import os

from flask import Flask, jsonify, request

from inventory.db import init_db, list_items

app = Flask(__name__)
app.config["DATABASE_URL"] = os.environ.get("DATABASE_URL", "sqlite:///inventory.db")


@app.route("/items")
def items():
    resp = jsonify(list_items(app.config["DATABASE_URL"]))
    resp.set_etag(hashlib.md5(resp.get_data(), usedforsecurity=False).hexdigest())
    return resp.make_conditional(request)


@app.route("/health")
def health():
    return {"status": "ok"}


if __name__ == "__main__":
    init_db(app.config["DATABASE_URL"])
    debug = os.environ.get("FLASK_DEBUG", "0") == "1"
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")), debug=debug)
