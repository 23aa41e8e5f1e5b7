"""Loan quote endpoint used by the retail banking web portal."""
import ast
import logging
import math
import operator
import os
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["LOAN_PORTAL_SECRET_KEY"]
logger = logging.getLogger("loan_calculator")

PRODUCT_RATES = {"standard": 0.065, "premier": 0.049, "green_home": 0.041}
MAX_TERM_YEARS = 35
MAX_FORMULA_LENGTH = 80
_BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_FUNCS = {"min": min, "max": max}


@dataclass
class LoanRequest:
    principal: float
    years: int
    product: str
    fee_formula: str

    @classmethod
    def from_payload(cls, payload):
        return cls(
            principal=float(payload["principal"]),
            years=int(payload["years"]),
            product=str(payload.get("product", "standard")),
            fee_formula=str(payload.get("fee_formula", "principal * 0.01")),
        )

    @property
    def months(self):
        return self.years * 12


def monthly_payment(principal, annual_rate, months):
    rate = annual_rate / 12
    if rate == 0:
        return principal / months
    return principal * rate / (1 - math.pow(1 + rate, -months))


def _evaluate(node, scope):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_evaluate(node.left, scope), _evaluate(node.right, scope))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCS and not node.keywords:
        return _FUNCS[node.func.id](*[_evaluate(arg, scope) for arg in node.args])
    raise ValueError("unsupported fee formula")


def arrangement_fee(loan):
    if len(loan.fee_formula) > MAX_FORMULA_LENGTH:
        raise ValueError("fee formula too long")
    scope = {"principal": loan.principal, "years": loan.years}
    return float(_evaluate(ast.parse(loan.fee_formula, mode="eval"), scope))


@app.post("/api/loans/quote")
def quote():
    try:
        loan = LoanRequest.from_payload(request.get_json(force=True))
    except (KeyError, TypeError, ValueError):
        return jsonify({"error": "invalid loan request"}), 400
    if loan.product not in PRODUCT_RATES or not 1 <= loan.years <= MAX_TERM_YEARS:
        return jsonify({"error": "unsupported product or term"}), 400

    rate = PRODUCT_RATES[loan.product]
    payment = monthly_payment(loan.principal, rate, loan.months)
    try:
        fee = arrangement_fee(loan)
    except (SyntaxError, TypeError, ValueError, ZeroDivisionError):
        return jsonify({"error": "invalid fee formula"}), 400
    logger.info("quote issued product=%r principal=%r", loan.product, loan.principal)
    return jsonify(
        {
            "product": loan.product,
            "annual_rate": rate,
            "monthly_payment": round(payment, 2),
            "arrangement_fee": round(fee, 2),
            "total_repayable": round(payment * loan.months + fee, 2),
        }
    )


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5001, debug=False)
