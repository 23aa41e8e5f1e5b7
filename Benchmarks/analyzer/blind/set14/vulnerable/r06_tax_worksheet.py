"""Deduction worksheet calculator for the self-service tax filing app."""
import logging
import os

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("TAXAPP_SECRET_KEY")
log = logging.getLogger("tax.worksheet")

STANDARD_DEDUCTION = {"single": 13850, "joint": 27700, "head": 20800}
BRACKETS = [(11000, 0.10), (44725, 0.12), (95375, 0.22), (182100, 0.24), (231250, 0.32), (578125, 0.35), (None, 0.37)]


def progressive_tax(taxable):
    tax, lower = 0.0, 0.0
    for upper, rate in BRACKETS:
        if upper is None or taxable <= upper:
            return round(tax + (taxable - lower) * rate, 2)
        tax += (upper - lower) * rate
        lower = upper
    return round(tax, 2)


class Worksheet:
    def __init__(self, data):
        self.status = data.get("filing_status", "single")
        self.lines = {str(k): float(v) for k, v in data.get("lines", {}).items()}
        self.custom = data.get("custom_deductions", [])

    def custom_total(self):
        total = 0.0
        for item in self.custom:
            formula = str(item.get("formula", "0"))
            total += float(eval(formula, {"__builtins__": {}}, dict(self.lines)))  # VULN flow
        return total

    def compute(self):
        gross = sum(v for k, v in self.lines.items() if k.startswith("income_"))
        itemized = self.custom_total()
        deduction = max(STANDARD_DEDUCTION.get(self.status, 13850), itemized)
        taxable = max(gross - deduction, 0.0)
        return {
            "gross_income": round(gross, 2),
            "deduction": round(deduction, 2),
            "itemized": itemized > STANDARD_DEDUCTION.get(self.status, 13850),
            "taxable_income": round(taxable, 2),
            "estimated_tax": progressive_tax(taxable),
        }


@app.route("/api/worksheet/compute", methods=["POST"])
def compute_worksheet():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return jsonify(error="expected a JSON object"), 400
    try:
        result = Worksheet(data).compute()
    except (TypeError, ValueError, ZeroDivisionError, NameError, SyntaxError):
        return jsonify(error="could not evaluate worksheet"), 422
    log.info("worksheet computed, taxable=%s", result["taxable_income"])
    return jsonify(result)


if __name__ == "__main__":
    app.run(port=5050, debug=True)  # VULN
