import hashlib
import json

from flask import Flask, Response, request

app = Flask(__name__)
CATALOG = [{"sku": "A-100", "name": "Widget"}, {"sku": "B-200", "name": "Gadget"}]


@app.route("/api/catalog")
def catalog():
    body = json.dumps(CATALOG, sort_keys=True)
    etag = hashlib.md5(body.encode(), usedforsecurity=False).hexdigest()
    if etag in request.if_none_match:
        return Response(status=304)
    resp = Response(body, mimetype="application/json")
    resp.set_etag(etag)
    return resp
