"""Back-office admin for the dealer group: price changes, lot moves, staff."""
import functools
import logging
import os
import sqlite3

from flask import Flask, flash, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config.update(
    SECRET_KEY="n0rthgate-adm1n-2019!",  # VULN
    SESSION_COOKIE_HTTPONLY=True,
    DATABASE=os.environ.get("ADMIN_DB", "/var/lib/dealer/admin.db"),
)
log = logging.getLogger("dealer.admin")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if "staff_id" not in session:
            return redirect(url_for("login"))
        return view(*args, **kwargs)
    return wrapped


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        row = get_db().execute(
            "SELECT id, password_hash, role FROM staff WHERE username = ?",
            (request.form.get("username", ""),),
        ).fetchone()
        if row and check_password_hash(row["password_hash"], request.form.get("password", "")):
            session.clear()
            session["staff_id"] = row["id"]
            session["role"] = row["role"]
            return redirect(url_for("stock"))
        flash("Invalid login")
    return render_template("admin/login.html")


@app.route("/stock")
@login_required
def stock():
    rows = get_db().execute(
        "SELECT stock_number, make, model, list_price, lot_code FROM vehicles ORDER BY lot_code"
    ).fetchall()
    return render_template("admin/stock.html", vehicles=rows)


@app.post("/stock/<stock_number>/price")
@login_required
def change_price(stock_number):
    if session.get("role") not in ("manager", "director"):
        return "forbidden", 403
    new_price = request.form.get("price", type=float)
    if new_price is None or new_price <= 0:
        flash("Price must be positive")
        return redirect(url_for("stock"))
    db = get_db()
    db.execute("UPDATE vehicles SET list_price = ? WHERE stock_number = ?", (new_price, stock_number))
    db.execute(
        "INSERT INTO price_audit (stock_number, staff_id, new_price) VALUES (?, ?, ?)",
        (stock_number, session["staff_id"], new_price),
    )
    db.commit()
    log.info("staff %s repriced %r to %.2f", session["staff_id"], stock_number, new_price)
    return redirect(url_for("stock"))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=8080, debug=True)  # VULN
