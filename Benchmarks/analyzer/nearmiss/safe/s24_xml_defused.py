from defusedxml import ElementTree
from flask import Flask, request
app = Flask(__name__)

@app.route("/x", methods=["POST"])
def x():
    return ElementTree.fromstring(request.data).tag
