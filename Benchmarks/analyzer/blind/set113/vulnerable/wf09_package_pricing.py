"""Arrangement package pricing.

Each funeral home configures its packages with a pricing formula, e.g.
``base + casket + 2.5 * transport_miles + (guests > 100) * 450``. Directors can
preview a formula before saving it, and the quote screen evaluates the saved one.
"""
import logging
import sqlite3
from typing import Dict

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
app.config.from_envvar("PRICING_SETTINGS")
DB_PATH = "/var/lib/arrangements/pricing.db"
log = logging.getLogger("package_pricing")

PRICE_VARS = ("base", "casket", "vault", "service_fee", "transport_miles", "guests")
SAMPLE_CONTEXT = {"base": 2495, "casket": 1800, "vault": 1200, "service_fee": 395,
                  "transport_miles": 12, "guests": 80}


def evaluate_formula(formula: str, context: Dict[str, float]) -> float:
    code = formula.replace("^", "**").strip()
    return round(float(eval(code, {"__builtins__": {}}, dict(context))), 2)  # VULN flow


def load_formula(conn, package_id: int) -> str:
    row = conn.execute(
        "SELECT formula FROM packages WHERE id = ? AND home_id = ?",
        (package_id, session["home_id"]),
    ).fetchone()
    if row is None:
        abort(404)
    return row[0]


def quote_context(args) -> Dict[str, float]:
    ctx = {}
    for name in PRICE_VARS:
        try:
            ctx[name] = float(args.get(name, 0))
        except ValueError:
            abort(400, f"{name} must be numeric")
    return ctx


@app.route("/admin/packages/<int:package_id>/formula", methods=["POST"])
def save_formula(package_id: int):
    if "home_id" not in session:
        abort(401)
    formula = (request.get_json(silent=True) or {}).get("formula", "")
    if not formula or len(formula) > 500:
        abort(400, "formula required")
    try:
        preview = evaluate_formula(formula, SAMPLE_CONTEXT)
    except Exception as exc:
        return jsonify(error=f"formula error: {exc}"), 400
    conn = sqlite3.connect(DB_PATH)
    with conn:
        conn.execute(
            "UPDATE packages SET formula = ? WHERE id = ? AND home_id = ?",
            (formula, package_id, session["home_id"]),
        )
    conn.close()
    return jsonify(saved=True, sample_price=preview)


@app.route("/quotes/<int:package_id>")
def quote(package_id: int):
    if "home_id" not in session:
        abort(401)
    conn = sqlite3.connect(DB_PATH)
    try:
        formula = load_formula(conn, package_id)
    finally:
        conn.close()
    ctx = quote_context(request.args)
    try:
        total = evaluate_formula(formula, ctx)
    except Exception:
        log.exception("formula for package %d failed", package_id)
        abort(500)
    return jsonify(package_id=package_id, total=total, inputs=ctx)
