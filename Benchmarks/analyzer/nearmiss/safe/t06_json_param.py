import json
import sqlite3
from flask import Flask, request
app = Flask(__name__)

@app.route("/add", methods=["POST"])
def add():
    data = json.loads(request.data)
    conn = sqlite3.connect("db")
    conn.execute("INSERT INTO t (name) VALUES (?)", (data["name"],))
    conn.execute("INSERT INTO t (name) VALUES (:name)", {"name": data["name"]})
    return "ok"
