import jsonpickle
from flask import Flask, request
app = Flask(__name__)

@app.route("/j", methods=["POST"])
def j():
    obj = jsonpickle.decode(request.data)  # VULN
    return str(obj)
