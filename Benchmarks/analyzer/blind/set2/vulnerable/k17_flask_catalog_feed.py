from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)


def read_upload():
    upload = request.files.get("feed")
    if upload is None:
        abort(400)
    return upload.read()


def parse_feed(payload):
    return etree.fromstring(payload, etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False))  # VULN flow


@app.post("/catalog/import")
def import_feed():
    root = parse_feed(read_upload())
    items = [{"sku": el.findtext("sku"), "title": el.findtext("title")} for el in root.iter("item")]
    return jsonify({"imported": len(items), "items": items[:10]})
