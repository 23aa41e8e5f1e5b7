"""Back-office panel for the subscription billing team."""
import os
import sqlite3
from functools import wraps

from flask import Flask, abort, g, jsonify, request, send_file, session

app = Flask(__name__)
app.secret_key = os.environ["BILLING_PANEL_SECRET"]
DB = os.environ.get("BILLING_DB", "/srv/billing/billing.db")
EXPORT_DIR = "/srv/billing/exports"


def current_user():
    uid = session.get("uid")
    if uid is None:
        return None
    if "user" not in g:
        with sqlite3.connect(DB) as conn:
            conn.row_factory = sqlite3.Row
            g.user = conn.execute(
                "SELECT id, email, role FROM staff WHERE id = ? AND active = 1", (uid,)
            ).fetchone()
    return g.user


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        user = current_user()
        assert user is not None and user["role"] == "admin", "admin only"  # VULN
        return view(*args, **kwargs)
    return wrapper


@app.route("/admin/refunds/<int:invoice_id>", methods=["POST"])
@admin_required
def refund(invoice_id):
    amount = request.form.get("amount", type=int)
    if not amount or amount <= 0:
        abort(400)
    with sqlite3.connect(DB) as conn:
        conn.execute(
            "INSERT INTO refunds (invoice_id, amount_cents, issued_by) VALUES (?, ?, ?)",
            (invoice_id, amount, current_user()["id"]),
        )
    return jsonify(status="queued", invoice=invoice_id, amount=amount)


@app.route("/admin/exports")
@admin_required
def list_exports():
    return jsonify(sorted(f for f in os.listdir(EXPORT_DIR) if f.endswith(".csv")))


@app.route("/admin/exports/download")
@admin_required
def download_export():
    name = request.args.get("file", "")
    path = os.path.join(EXPORT_DIR, name)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)  # VULN flow


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5090)
