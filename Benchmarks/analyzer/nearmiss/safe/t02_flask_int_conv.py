import os
from flask import Flask
app = Flask(__name__)

@app.route("/kill/<int:pid>")
def kill(pid):
    os.system(f"kill -9 {pid}")
    return "ok"
