from lxml import etree
from flask import Flask, request
app = Flask(__name__)

@app.route("/xml", methods=["POST"])
def xml():
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(request.data, parser)  # VULN
    return doc.tag
