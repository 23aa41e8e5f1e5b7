import importlib

from flask import Flask, jsonify

app = Flask(__name__)
AVAILABLE_RULES = {
    "vat": "pricing.rules.vat",
    "bulk-discount": "pricing.rules.bulk_discount",
    "free-shipping": "pricing.rules.free_shipping",
}
ENABLED = {}


@app.route("/rules/<name>/enable", methods=["POST"])
def enable_rule(name):
    module_path = AVAILABLE_RULES.get(name)
    if module_path is None:
        return jsonify(error="unknown rule"), 404
    module = importlib.import_module(module_path)
    ENABLED[name] = module.apply
    return jsonify(status="enabled", rule=name)


@app.route("/rules", methods=["GET"])
def list_rules():
    return jsonify(available=sorted(AVAILABLE_RULES), enabled=sorted(ENABLED))
