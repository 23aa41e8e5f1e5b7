"""Dose calculator API used by the pharmacy screen.

Vets can save their own formulas per drug (e.g. ``weight_kg * 2.2 / concentration``)
which are evaluated against the patient's parameters.
"""
import logging
import math

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("dosage")

DEFAULT_FORMULAS = {
    "meloxicam": "weight_kg * 0.1 / concentration",
    "amoxicillin": "weight_kg * 12.5 / concentration",
    "maropitant": "weight_kg * 1.0 / concentration",
}
CONCENTRATIONS = {"meloxicam": 1.5, "amoxicillin": 50.0, "maropitant": 10.0}
MATH_NAMES = {"min": min, "max": max, "round": round, "sqrt": math.sqrt, "pi": math.pi}


class DoseRequest:
    def __init__(self, payload: dict):
        self.drug = str(payload.get("drug", "")).lower()
        self.weight_kg = float(payload.get("weight_kg", 0))
        self.age_years = float(payload.get("age_years", 0))
        self.formula = payload.get("formula") or DEFAULT_FORMULAS.get(self.drug)

    def variables(self) -> dict:
        return {
            "weight_kg": self.weight_kg,
            "age_years": self.age_years,
            "concentration": CONCENTRATIONS.get(self.drug, 1.0),
        }


def evaluate(formula: str, variables: dict) -> float:
    scope = dict(MATH_NAMES)
    scope.update(variables)
    return float(eval(formula, {"__builtins__": {}}, scope))  # VULN flow


@app.route("/api/dose", methods=["POST"])
def calculate_dose():
    try:
        dose_req = DoseRequest(request.get_json(force=True) or {})
    except (TypeError, ValueError):
        return jsonify({"error": "weight_kg and age_years must be numbers"}), 400
    if dose_req.weight_kg <= 0 or not dose_req.formula:
        return jsonify({"error": "unknown drug or missing weight"}), 400
    try:
        volume_ml = evaluate(dose_req.formula, dose_req.variables())
    except Exception as exc:
        log.warning("formula failed for %r: %r", dose_req.drug, exc)
        return jsonify({"error": "formula could not be evaluated"}), 422
    return jsonify({
        "drug": dose_req.drug,
        "weight_kg": dose_req.weight_kg,
        "volume_ml": round(volume_ml, 2),
    })


if __name__ == "__main__":
    app.run(port=5070)
