from psycopg2 import sql
from flask import Flask, request
from db import conn
app = Flask(__name__)

@app.route("/col")
def col():
    query = sql.SQL("SELECT {} FROM users").format(sql.Identifier(request.args["col"]))
    with conn.cursor() as cur:
        cur.execute(query)
        return str(cur.fetchall())
