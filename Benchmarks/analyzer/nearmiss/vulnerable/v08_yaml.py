import yaml
from flask import Flask, request
app = Flask(__name__)

@app.route("/cfg", methods=["POST"])
def cfg():
    conf = yaml.load(request.data, Loader=yaml.Loader)  # VULN
    return str(conf)
