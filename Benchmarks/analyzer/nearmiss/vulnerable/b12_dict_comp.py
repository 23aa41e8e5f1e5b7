import sqlite3
from flask import request

def handler():
    params = {k: v for k, v in request.args.items()}
    conn = sqlite3.connect("db")
    return conn.execute("SELECT * FROM t WHERE a = '" + params["a"] + "'").fetchall()  # VULN flow
