import requests
from flask import Flask, request
app = Flask(__name__)

@app.route("/u")
def u():
    uid = int(request.args["id"])
    return requests.get(f"https://api.example.com/users/{uid}", timeout=5).json()
