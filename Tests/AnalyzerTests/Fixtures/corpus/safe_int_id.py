import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/item")
def item():
    item_id = int(request.args["id"])
    db = sqlite3.connect("shop.db")
    row = db.execute("SELECT name FROM items WHERE id = %d" % item_id).fetchone()
    return {"name": row[0]}
