import base64
import pickle
from flask import Flask, request
app = Flask(__name__)

@app.route("/me")
def me():
    session = pickle.loads(base64.b64decode(request.cookies["session"]))  # VULN
    return str(session)
