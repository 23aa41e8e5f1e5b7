"""Import external IIIF Presentation manifests into a virtual exhibition."""
import logging
from urllib.parse import urlparse

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("exhibit.import")

HTTP_TIMEOUT = 15
session = requests.Session()
session.headers["User-Agent"] = "heritage-exhibit-builder/2.3"
session.headers["Accept"] = "application/ld+json, application/json"


def fetch_json(url: str) -> dict:
    resp = session.get(url, timeout=HTTP_TIMEOUT)  # VULN flow
    resp.raise_for_status()
    return resp.json()


def canvas_services(manifest: dict):
    """Yield image service ids for both Presentation 2 and 3 manifests."""
    for seq in manifest.get("sequences", []):
        for canvas in seq.get("canvases", []):
            for image in canvas.get("images", []):
                service = image.get("resource", {}).get("service", {})
                if service.get("@id"):
                    yield canvas.get("@id"), service["@id"]
    for canvas in manifest.get("items", []):
        for page in canvas.get("items", []):
            for anno in page.get("items", []):
                for service in anno.get("body", {}).get("service", []):
                    sid = service.get("id") or service.get("@id")
                    if sid:
                        yield canvas.get("id"), sid


@app.post("/exhibitions/<int:exhibition_id>/import")
def import_manifest(exhibition_id: int):
    body = request.get_json(force=True) or {}
    manifest_url = body.get("manifest", "")
    if urlparse(manifest_url).scheme not in ("http", "https"):
        return jsonify(error="manifest must be an http(s) URL"), 400
    try:
        manifest = fetch_json(manifest_url)
    except (requests.RequestException, ValueError) as exc:
        log.warning("manifest fetch failed: %r", exc)
        return jsonify(error="could not fetch manifest"), 502

    items = []
    for canvas_id, service_id in canvas_services(manifest):
        try:
            info = fetch_json(service_id.rstrip("/") + "/info.json")
        except (requests.RequestException, ValueError):
            continue
        items.append({
            "canvas": canvas_id,
            "service": service_id,
            "width": info.get("width"),
            "height": info.get("height"),
            "profile": info.get("profile"),
        })
    return jsonify(
        exhibition=exhibition_id,
        label=manifest.get("label"),
        attribution=manifest.get("attribution") or manifest.get("requiredStatement"),
        items=items,
    )
