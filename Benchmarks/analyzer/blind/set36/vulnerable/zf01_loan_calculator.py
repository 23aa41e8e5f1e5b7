"""Loan quote endpoint used by the retail banking web portal."""
import logging
import math
import os
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["LOAN_PORTAL_SECRET_KEY"]
logger = logging.getLogger("loan_calculator")

PRODUCT_RATES = {"standard": 0.065, "premier": 0.049, "green_home": 0.041}
MAX_TERM_YEARS = 35


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


def arrangement_fee(loan):
    scope = {"principal": loan.principal, "years": loan.years, "min": min, "max": max}
    return float(eval(loan.fee_formula, {"__builtins__": {}}, scope))  # VULN flow


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
    fee = arrangement_fee(loan)
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
    app.run(host="127.0.0.1", port=5001, debug=True)  # VULN
