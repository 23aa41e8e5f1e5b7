"""Per-tenant rounding rules for invoice totals.

Firm admins can define a custom rounding rule in the billing settings
(e.g. cash rounding to 0.05 for CHF).
"""
import logging
import sqlite3
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal

from flask import Flask, jsonify, request, session

app = Flask(__name__)
log = logging.getLogger("billing.rounding")
DB_PATH = "/srv/billing/billing.db"


def default_rounding(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class RoundingRuleRegistry:
    def __init__(self, db_path: str):
        self.db_path = db_path
        self._cache = {}

    def _load_source(self, tenant_id: int):
        with sqlite3.connect(self.db_path) as conn:
            row = conn.execute("SELECT rule_source FROM tenant_rounding WHERE tenant_id = ?", (tenant_id,)).fetchone()
        return row[0] if row else None

    def rule_for(self, tenant_id: int):
        if tenant_id in self._cache:
            return self._cache[tenant_id]
        source = self._load_source(tenant_id)
        fn = default_rounding
        if source:
            namespace = {"Decimal": Decimal, "ROUND_HALF_UP": ROUND_HALF_UP, "ROUND_HALF_EVEN": ROUND_HALF_EVEN,
                         "ROUND_UP": ROUND_UP, "ROUND_DOWN": ROUND_DOWN}
            exec(source, namespace)  # VULN flow
            fn = namespace.get("round_total", default_rounding)
        self._cache[tenant_id] = fn
        return fn

    def save(self, tenant_id: int, source: str) -> None:
        with sqlite3.connect(self.db_path) as conn:
            conn.execute("INSERT OR REPLACE INTO tenant_rounding (tenant_id, rule_source) VALUES (?, ?)",
                         (tenant_id, source))
        self._cache.pop(tenant_id, None)


registry = RoundingRuleRegistry(DB_PATH)


@app.route("/settings/rounding", methods=["PUT"])
def update_rounding():
    if session.get("role") != "firm_admin":
        return jsonify({"error": "forbidden"}), 403
    source = (request.get_json(force=True) or {}).get("rule", "")
    registry.save(session["tenant_id"], source)
    return jsonify({"saved": True})


@app.route("/invoices/preview-total", methods=["POST"])
def preview_total():
    lines = (request.get_json(force=True) or {}).get("lines", [])
    subtotal = sum((Decimal(str(l["amount"])) for l in lines), Decimal("0"))
    rounder = registry.rule_for(session["tenant_id"])
    return jsonify({"subtotal": str(subtotal), "total": str(rounder(subtotal))})
