import os
from functools import wraps
from flask import Flask, request
app = Flask(__name__)

def login_required(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner

@app.route("/x")
@login_required
def x():
    os.system("echo " + request.args["m"])  # VULN
    return "ok"
