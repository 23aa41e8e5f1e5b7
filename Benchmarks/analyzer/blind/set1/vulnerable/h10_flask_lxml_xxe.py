from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
feed_parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)


@app.route("/import/feed", methods=["POST"])
def import_feed():
    upload = request.files["feed"]
    tree = etree.parse(upload.stream, feed_parser)  # VULN flow
    titles = [el.text for el in tree.iterfind(".//item/title")]
    return jsonify(imported=len(titles), titles=titles[:10])
