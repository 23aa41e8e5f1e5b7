import uuid
from flask import Flask, request
app = Flask(__name__)

@app.route("/o")
def o():
    oid = uuid.UUID(request.args["id"])
    with open(f"/srv/orders/{oid}.json") as f:
        return f.read()
