from xml.dom import minidom
from flask import Flask, request
app = Flask(__name__)

@app.route("/x", methods=["POST"])
def x():
    doc = minidom.parseString(request.data)  # VULN
    return str(len(doc.childNodes))
