import sqlite3
from flask import Flask, request
app = Flask(__name__)

@app.route("/s", methods=["POST"])
def s():
    conn = sqlite3.connect("db")
    conn.executescript(request.form["script"])  # VULN
    return "ok"
