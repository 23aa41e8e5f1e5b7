"""Harmonised System tariff lookup used by customs brokers when classifying goods."""
import csv
import logging
import re
from dataclasses import dataclass
from typing import List

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("hs_lookup")

TARIFF_FILE = "/srv/customs/hs_2022_tariff.csv"
MAX_TERM = 80


@dataclass(frozen=True)
class TariffLine:
    hs_code: str
    description: str
    duty_rate: str


def load_tariff(path: str = TARIFF_FILE) -> List[TariffLine]:
    with open(path, newline="", encoding="utf-8") as fh:
        return [TariffLine(r["code"], r["description"], r["rate"]) for r in csv.DictReader(fh)]


TARIFF: List[TariffLine] = []


def build_matcher(term: str, mode: str):
    if mode == "prefix":
        pattern = "^" + re.escape(term)
    else:
        pattern = re.escape(term)
    return re.compile(pattern, re.IGNORECASE)


@app.before_request
def ensure_loaded():
    if not TARIFF:
        TARIFF.extend(load_tariff())


@app.route("/tariff/search")
def search():
    term = request.args.get("q", "").strip()[:MAX_TERM]
    mode = request.args.get("mode", "plain")
    field = "hs_code" if request.args.get("field") == "code" else "description"
    if not term:
        return jsonify(results=[])
    try:
        matcher = build_matcher(term, mode)
    except re.error:
        return jsonify(error="invalid pattern"), 400
    hits = [t for t in TARIFF if matcher.search(getattr(t, field))]
    return jsonify(
        count=len(hits),
        results=[{"code": t.hs_code, "description": t.description, "rate": t.duty_rate} for t in hits[:100]],
    )


@app.route("/tariff/<code>")
def by_code(code):
    for line in TARIFF:
        if line.hs_code == code:
            return jsonify(code=line.hs_code, description=line.description, rate=line.duty_rate)
    return jsonify(error="not found"), 404
