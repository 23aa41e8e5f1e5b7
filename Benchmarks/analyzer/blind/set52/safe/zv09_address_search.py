"""Power-user address filter for the dispatch map.

Operators can filter the loaded address book with a search term, e.g. `High St`.
"""
import csv
import logging
import re
from functools import lru_cache

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("address_search")

ADDRESS_FILE = "/srv/dispatch/addresses.csv"
FIELDS = ("line1", "line2", "city", "postcode")
MAX_RESULTS = 200
MAX_PATTERN = 80


@lru_cache(maxsize=1)
def address_book():
    with open(ADDRESS_FILE, newline="", encoding="utf-8") as fh:
        return [row for row in csv.DictReader(fh)]


class AddressFilter:
    def __init__(self, pattern: str, fields, ignore_case: bool):
        self.pattern = re.escape(pattern[:MAX_PATTERN])
        self.fields = [f for f in fields if f in FIELDS] or list(FIELDS)
        self.flags = re.IGNORECASE if ignore_case else 0
        self._rx = None

    @property
    def rx(self):
        if self._rx is None:
            self._rx = re.compile(self.pattern, self.flags)
        return self._rx

    def matches(self, row) -> bool:
        return any(self.rx.search(row.get(f) or "") for f in self.fields)


@app.route("/api/addresses/filter", methods=["POST"])
def filter_addresses():
    payload = request.get_json(silent=True) or {}
    pattern = payload.get("pattern", "")
    if not pattern:
        return jsonify(error="pattern required"), 400

    flt = AddressFilter(pattern, payload.get("fields", []), bool(payload.get("ignore_case", True)))
    try:
        hits = []
        for row in address_book():
            if flt.matches(row):
                hits.append(row)
                if len(hits) >= MAX_RESULTS:
                    break
    except re.error as exc:
        return jsonify(error=f"bad pattern: {exc}"), 400

    log.info("address filter returned %d rows", len(hits))
    return jsonify(results=hits, truncated=len(hits) >= MAX_RESULTS)
