"""Reagent ordering helper: pull price and pack size from a vendor product page."""
import logging
import re
from urllib.parse import urlparse

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("procurement.vendor")

PRICE_RE = re.compile(r'"price"\s*:\s*"?([0-9]+(?:\.[0-9]{1,2})?)')
PACK_RE = re.compile(r"\b(\d+(?:\.\d+)?)\s?(mg|g|kg|mL|L)\b")
CAS_RE = re.compile(r"\b(\d{2,7}-\d{2}-\d)\b")
HEADERS = {"User-Agent": "lims-procurement/2.3", "Accept": "text/html"}
VENDOR_HOSTS = {
    "www.sigmaaldrich.com",
    "www.fishersci.com",
    "www.tcichemicals.com",
    "www.fluorochem.co.uk",
    "www.enaminestore.com",
}


def normalise_url(raw: str) -> str:
    raw = raw.strip()
    if not urlparse(raw).scheme:
        raw = "https://" + raw
    parsed = urlparse(raw)
    if parsed.scheme != "https" or parsed.hostname not in VENDOR_HOSTS or parsed.port not in (None, 443):
        abort(400, "unsupported vendor")
    return raw


def fetch_product_page(url: str) -> str:
    resp = requests.get(url, headers=HEADERS, timeout=10, allow_redirects=False)
    resp.raise_for_status()
    return resp.text


def extract_fields(page: str) -> dict:
    fields = {}
    m = PRICE_RE.search(page)
    if m:
        fields["price"] = float(m.group(1))
    m = PACK_RE.search(page)
    if m:
        fields["pack_size"] = f"{m.group(1)} {m.group(2)}"
    m = CAS_RE.search(page)
    if m:
        fields["cas"] = m.group(1)
    return fields


@app.post("/api/procurement/preview")
def preview():
    payload = request.get_json(force=True, silent=True) or {}
    url = normalise_url(payload.get("product_url", ""))
    try:
        page = fetch_product_page(url)
    except requests.RequestException as exc:
        log.warning("vendor fetch failed: %s", type(exc).__name__)
        return jsonify({"error": "could not fetch product page"}), 502
    fields = extract_fields(page)
    fields["source"] = url
    fields["preview"] = page[:800]
    return jsonify(fields)


if __name__ == "__main__":
    app.run(port=5010)
