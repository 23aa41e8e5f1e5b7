import hmac
import hashlib
import pickle
from flask import Flask, request, abort
app = Flask(__name__)
KEY = b"from-the-environment-in-real-life"

@app.route("/load", methods=["POST"])
def load():
    blob, sig = request.data[:-32], request.data[-32:]
    if not hmac.compare_digest(hmac.new(KEY, blob, hashlib.sha256).digest(), sig):
        abort(403)
    return str(pickle.loads(blob))
