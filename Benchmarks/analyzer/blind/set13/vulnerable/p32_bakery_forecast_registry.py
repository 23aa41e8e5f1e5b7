"""Model registry for the bakery chain's daily demand forecasts.

Data scientists upload trained forecasters; store tills call /predict each
evening to decide tomorrow's bake quantities.
"""
import hmac
import io
import logging
import threading
from datetime import date

import dill
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("forecast.registry")

REGISTRY_TOKEN = "bk-registry-9c41f7e2a0d84b1f"  # VULN
_models = {}
_lock = threading.Lock()


def require_token():
    supplied = request.headers.get("X-Registry-Token", "")
    if not hmac.compare_digest(supplied, REGISTRY_TOKEN):
        abort(401)


class ForecastModel:
    def __init__(self, product, estimator, version):
        self.product = product
        self.estimator = estimator
        self.version = version

    def predict(self, store_id, day, weather):
        features = [[store_id, day.weekday(), day.month, weather.get("temp_c", 15.0),
                     weather.get("rain_mm", 0.0)]]
        return max(0, int(round(float(self.estimator.predict(features)[0]))))


def load_estimator(blob):
    return dill.load(io.BytesIO(blob))  # VULN flow


@app.route("/models/<product>", methods=["PUT"])
def upload_model(product):
    require_token()
    blob = request.get_data()
    if not blob:
        abort(400, "empty model")
    estimator = load_estimator(blob)
    with _lock:
        version = (_models[product].version + 1) if product in _models else 1
        _models[product] = ForecastModel(product, estimator, version)
    log.info("registered %r v%d", product, version)
    return jsonify({"product": product, "version": version}), 201


@app.route("/predict", methods=["POST"])
def predict():
    body = request.get_json(force=True)
    try:
        store_id = int(body["store"])
        day = date.fromisoformat(body.get("day", date.today().isoformat()))
    except (KeyError, ValueError, TypeError):
        abort(400, "store and day are required")
    weather = body.get("weather", {})
    with _lock:
        models = dict(_models)
    quantities = {p: m.predict(store_id, day, weather) for p, m in models.items()}
    return jsonify({"store": store_id, "day": day.isoformat(), "bake": quantities})
