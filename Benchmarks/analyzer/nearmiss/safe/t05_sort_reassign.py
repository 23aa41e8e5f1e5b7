import sqlite3
from flask import Flask, request
app = Flask(__name__)

@app.route("/list")
def listing():
    order = request.args.get("order", "asc")
    if order not in ("asc", "desc"):
        order = "asc"
    conn = sqlite3.connect("db")
    return str(conn.execute(f"SELECT * FROM t ORDER BY name {order}").fetchall())
