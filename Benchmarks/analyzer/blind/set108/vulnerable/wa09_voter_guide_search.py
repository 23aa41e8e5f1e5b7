"""Candidate and ballot-measure search for the online voter guide."""
import json
import logging
import re
from functools import lru_cache
from pathlib import Path

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("voter_guide.search")

GUIDE_PATH = Path("/srv/voter-guide/guide.json")
MAX_RESULTS = 50
SEARCHABLE = ("name", "office", "district", "statement")


@lru_cache(maxsize=1)
def load_guide() -> dict:
    with GUIDE_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


def compile_query(raw: str, whole_word: bool) -> "re.Pattern[str]":
    pattern = raw.strip()
    if whole_word:
        pattern = rf"\b{pattern}\b"
    return re.compile(pattern, re.IGNORECASE)  # VULN flow


def entry_text(entry: dict) -> str:
    return " ".join(str(entry.get(k, "")) for k in SEARCHABLE)


def summarize(entry: dict) -> dict:
    return {
        "id": entry["id"],
        "kind": entry.get("kind", "candidate"),
        "name": entry.get("name"),
        "office": entry.get("office"),
        "district": entry.get("district"),
    }


@app.get("/api/guide/search")
def search_guide():
    raw = request.args.get("q", "")
    if len(raw.strip()) < 2:
        return jsonify(results=[])
    whole = request.args.get("word") == "1"
    try:
        matcher = compile_query(raw, whole)
    except re.error:
        return jsonify(error="invalid search"), 400

    results = []
    for entry in load_guide().get("entries", []):
        if matcher.search(entry_text(entry)):
            results.append(summarize(entry))
            if len(results) >= MAX_RESULTS:
                break
    return jsonify(results=results, truncated=len(results) >= MAX_RESULTS)


@app.get("/api/guide/offices")
def list_offices():
    offices = sorted({e.get("office", "") for e in load_guide().get("entries", []) if e.get("office")})
    return jsonify(offices=offices)
