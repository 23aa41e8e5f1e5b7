from sqlalchemy import text
from flask import Flask, request
from db import engine
app = Flask(__name__)

@app.route("/q")
def q():
    uid = request.args.get("id")
    with engine.connect() as c:
        return str(c.execute(text("SELECT * FROM t WHERE id = " + uid)).all())  # VULN flow
