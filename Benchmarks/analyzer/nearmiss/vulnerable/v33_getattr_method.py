import os
from flask import Flask, request
app = Flask(__name__)

def get_param(key):
    return request.args.get(key)

@app.route("/x")
def x():
    os.popen("cat " + get_param("f"))  # VULN flow
    return "ok"
