from defusedxml import ElementTree as ET
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/import/feed", methods=["POST"])
def import_feed():
    upload = request.files["feed"]
    root = ET.parse(upload.stream).getroot()
    titles = [el.text for el in root.iterfind(".//item/title")]
    return jsonify(imported=len(titles), titles=titles[:10])
