import os
from flask import Flask, request
app = Flask(__name__)

@app.route("/f")
def f():
    name = os.path.basename(request.args["name"])
    with open(os.path.join("/srv/files", name)) as fh:
        return fh.read()
