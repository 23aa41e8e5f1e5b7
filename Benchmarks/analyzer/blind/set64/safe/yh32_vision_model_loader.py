"""Model loader for the surface-defect classifier on the inspection PCs.

Models are trained centrally and published to the model registry. Each
inspection station pulls the model named in its station config at start-up
(or when the line lead switches product in the HMI).
"""
import hashlib
import json
import logging
import os
from pathlib import Path

import numpy as np
import requests

REGISTRY_URL = os.environ.get("MODEL_REGISTRY", "https://models.quality.plant.local")
REGISTRY_CA = os.environ.get("MODEL_REGISTRY_CA", "/etc/ssl/certs/plant-root-ca.pem")
CACHE_DIR = Path(os.environ.get("MODEL_CACHE", "/var/cache/vision-models"))

log = logging.getLogger("vision.models")


class ModelRef:
    def __init__(self, product, version):
        self.product = product
        self.version = version

    @property
    def filename(self):
        return "%s-%s.npz" % (self.product, self.version)

    def url(self):
        return "%s/models/%s/%s/model.npz" % (REGISTRY_URL, self.product, self.version)


def download(ref: ModelRef) -> Path:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    target = CACHE_DIR / ref.filename
    if target.exists():
        return target
    resp = requests.get(ref.url(), timeout=60, verify=REGISTRY_CA)
    resp.raise_for_status()
    target.write_bytes(resp.content)
    log.info("cached %s (%s)", target.name, hashlib.sha256(resp.content).hexdigest()[:12])
    return target


class LogisticModel:
    def __init__(self, coef, intercept):
        self.coef = coef
        self.intercept = intercept

    def predict_proba(self, x):
        p = 1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept)))
        return np.column_stack([1.0 - p, p])


def load_classifier(path: Path):
    with np.load(path, allow_pickle=False) as data:
        model = LogisticModel(data["coef"].astype(float), float(data["intercept"]))
    if not hasattr(model, "predict_proba"):
        raise TypeError("not a classifier")
    return model


class DefectClassifier:
    def __init__(self, station_config: dict):
        ref = ModelRef(station_config["product"], station_config["model_version"])
        self.threshold = float(station_config.get("threshold", 0.5))
        self.model = load_classifier(download(ref))

    def classify(self, features: np.ndarray):
        proba = self.model.predict_proba(features.reshape(1, -1))[0]
        defect_p = float(proba[1])
        return {"defect": defect_p >= self.threshold, "p": round(defect_p, 4)}


def from_station_file(path="/etc/vision/station.json"):
    with open(path) as fh:
        return DefectClassifier(json.load(fh))
