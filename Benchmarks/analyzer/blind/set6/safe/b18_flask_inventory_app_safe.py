import os

from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///inventory.db")
    DEBUG = False
    HOST = "127.0.0.1"
    PORT = 5000


app = Flask(__name__)
app.config.from_object(Config)
app.config["SECRET_KEY"] = os.environ["INVENTORY_SECRET_KEY"]
db = SQLAlchemy(app)


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), nullable=False)
    qty = db.Column(db.Integer, default=0)


@app.route("/items")
def list_items():
    return jsonify([{"id": i.id, "name": i.name, "qty": i.qty} for i in Item.query.all()])


@app.route("/items", methods=["POST"])
def add_item():
    data = request.get_json(force=True)
    item = Item(name=str(data["name"])[:120], qty=int(data.get("qty", 0)))
    db.session.add(item)
    db.session.commit()
    return jsonify(id=item.id), 201


if __name__ == "__main__":
    with app.app_context():
        db.create_all()
    app.run(host=Config.HOST, port=Config.PORT, debug=Config.DEBUG)
