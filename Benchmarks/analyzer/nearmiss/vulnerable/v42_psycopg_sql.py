from psycopg2 import sql
from flask import Flask, request
from db import conn
app = Flask(__name__)

@app.route("/q")
def q():
    query = sql.SQL("SELECT * FROM users WHERE name = '" + request.args["name"] + "'")
    with conn.cursor() as cur:
        cur.execute(query)  # VULN flow
        return str(cur.fetchall())
