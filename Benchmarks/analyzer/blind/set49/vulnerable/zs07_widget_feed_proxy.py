"""Custom feed widgets for the internal HR metrics dashboard.

Team leads can pin a JSON feed (e.g. an ATS pipeline export) to their board.
The browser cannot call those hosts directly because of CORS, so the
dashboard backend fetches the feed on the user's behalf.
"""
import logging
import uuid
from typing import Dict

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("dashboard.feeds")

FETCH_TIMEOUT = 8
MAX_BYTES = 512 * 1024
WIDGETS: Dict[str, dict] = {}


def make_widget(body: dict) -> dict:
    return {
        "title": str(body.get("title", "Feed"))[:80],
        "source": str(body.get("source_url", "")).strip(),
        "refresh": max(60, int(body.get("refresh", 300))),
        "owner": request.headers.get("X-Forwarded-User", "anonymous"),
    }


def fetch_feed(widget: dict) -> dict:
    url = widget["source"]
    resp = requests.get(url, timeout=FETCH_TIMEOUT, headers={"Accept": "application/json"})  # VULN flow
    resp.raise_for_status()
    if len(resp.content) > MAX_BYTES:
        raise ValueError("feed too large")
    return {"status": resp.status_code, "data": resp.json() if resp.content else None,
            "raw": resp.text[:4000]}


@app.post("/api/widgets")
def add_widget():
    body = request.get_json(force=True) or {}
    widget = make_widget(body)
    if not widget["source"]:
        return jsonify(error="source_url required"), 400
    widget_id = uuid.uuid4().hex
    WIDGETS[widget_id] = widget
    log.info("widget %s created by %r", widget_id, widget["owner"])
    return jsonify(id=widget_id, **widget), 201


@app.get("/api/widgets/<widget_id>/data")
def widget_data(widget_id: str):
    widget = WIDGETS.get(widget_id)
    if widget is None:
        abort(404)
    try:
        payload = fetch_feed(widget)
    except (requests.RequestException, ValueError) as exc:
        log.warning("feed fetch failed for widget %s: %s", widget_id, type(exc).__name__)
        return jsonify(error="feed unavailable"), 502
    return jsonify(title=widget["title"], **payload)
