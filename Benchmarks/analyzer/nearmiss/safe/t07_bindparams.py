from sqlalchemy import text
from flask import Flask, request
from db import engine
app = Flask(__name__)

@app.route("/u")
def u():
    with engine.connect() as c:
        return str(c.execute(text("SELECT * FROM users WHERE id = :id").bindparams(id=request.args["id"])).all())
