import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/avatar")
def avatar():
    host = request.headers.get("X-Avatar-Host")
    url = f"https://{host}/avatar.png"
    return requests.get(url, timeout=5).content  # expect: CWE-918
