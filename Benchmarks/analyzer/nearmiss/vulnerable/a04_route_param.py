import os
from flask import Flask
app = Flask(__name__)

@app.route("/u/<name>")
def u(name):
    os.system("id " + name)  # VULN flow
    return "ok"
