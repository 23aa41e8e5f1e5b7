import sqlite3
from flask import Flask, request
app = Flask(__name__)

@app.route("/user")
def user():
    conn = sqlite3.connect("db.sqlite")
    name = request.args.get("name")
    query = "SELECT * FROM users WHERE name = '{}'".format(name)
    rows = conn.execute(query).fetchall()  # VULN flow
    return str(rows)
