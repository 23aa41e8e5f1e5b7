from urllib.request import urlopen
from flask import Flask, request
app = Flask(__name__)

@app.route("/fetch")
def fetch():
    with urlopen(request.args["u"]) as r:  # VULN
        return r.read()
