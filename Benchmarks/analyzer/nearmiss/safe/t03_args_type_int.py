import sqlite3
from flask import Flask, request
app = Flask(__name__)

@app.route("/page")
def page():
    n = request.args.get("page", 1, type=int)
    conn = sqlite3.connect("db")
    return str(conn.execute("SELECT * FROM posts LIMIT 10 OFFSET %d" % (n * 10)).fetchall())
