import requests
from flask import Flask, request
app = Flask(__name__)

@app.route("/proxy")
def proxy():
    url = request.args.get("url")
    r = requests.get(url, timeout=5)  # VULN flow
    return r.text
