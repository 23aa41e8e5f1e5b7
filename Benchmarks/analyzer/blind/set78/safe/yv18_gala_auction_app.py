"""Gala night silent-auction app, run on the venue laptop for guests' phones."""
import os
import sqlite3
from functools import wraps

from flask import Flask, flash, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["AUCTION_SECRET_KEY"]
app.config["DATABASE"] = os.environ.get("AUCTION_DB", "auction.db")


def db():
    conn = sqlite3.connect(app.config["DATABASE"])
    conn.row_factory = sqlite3.Row
    return conn


def paddle_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if "paddle" not in session:
            return redirect(url_for("register"))
        return view(*args, **kwargs)
    return wrapper


@app.route("/register", methods=["GET", "POST"])
def register():
    if request.method == "POST":
        name = request.form.get("name", "").strip()
        phone = request.form.get("phone", "").strip()
        if not name or not phone:
            flash("Name and phone are required")
            return render_template("register.html"), 400
        with db() as conn:
            cur = conn.execute("INSERT INTO guests (name, phone) VALUES (?, ?)", (name, phone))
            session["paddle"] = cur.lastrowid
        return redirect(url_for("items"))
    return render_template("register.html")


@app.route("/")
@paddle_required
def items():
    with db() as conn:
        rows = conn.execute(
            "SELECT i.id, i.title, i.donor, COALESCE(MAX(b.amount), i.opening_bid) AS top "
            "FROM items i LEFT JOIN bids b ON b.item_id = i.id GROUP BY i.id ORDER BY i.title"
        ).fetchall()
    return render_template("items.html", items=rows, paddle=session["paddle"])


@app.route("/items/<int:item_id>/bid", methods=["POST"])
@paddle_required
def bid(item_id):
    try:
        amount = int(request.form["amount"])
    except (KeyError, ValueError):
        flash("Enter a whole-dollar bid")
        return redirect(url_for("items"))
    with db() as conn:
        top = conn.execute(
            "SELECT COALESCE(MAX(amount), 0) FROM bids WHERE item_id = ?", (item_id,)
        ).fetchone()[0]
        if amount <= top:
            flash(f"Bid must be more than ${top}")
        else:
            conn.execute("INSERT INTO bids (item_id, paddle, amount) VALUES (?, ?, ?)",
                         (item_id, session["paddle"], amount))
    return redirect(url_for("items"))


if __name__ == "__main__":
    app.run(host=os.environ.get("AUCTION_HOST", "127.0.0.1"), port=8000, debug=False)
