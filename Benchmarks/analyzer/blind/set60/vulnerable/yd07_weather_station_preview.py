"""Portal endpoint letting farmers link and preview their own weather station feeds."""
import logging
from urllib.parse import urlparse

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("stations")

FIELDS = ("temperature_c", "humidity_pct", "wind_ms", "rain_mm", "solar_wm2")


class StationFetcher:
    """Fetches a station's current-conditions JSON document."""

    def __init__(self, session=None, timeout: float = 8.0):
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = "farmportal-stations/1.4"
        self.timeout = timeout

    @staticmethod
    def normalise(url: str) -> str:
        url = url.strip()
        if not urlparse(url).scheme:
            url = "http://" + url
        if urlparse(url).scheme not in ("http", "https"):
            raise ValueError("unsupported scheme")
        return url

    def fetch(self, feed_url: str) -> dict:
        resp = self.session.get(feed_url, timeout=self.timeout)  # VULN flow
        resp.raise_for_status()
        return resp.json()


fetcher = StationFetcher()


def summarise(doc: dict) -> dict:
    current = doc.get("current", doc)
    return {k: current.get(k) for k in FIELDS}


@app.post("/api/stations/preview")
def preview_station():
    payload = request.get_json(silent=True) or {}
    raw_url = payload.get("feed_url", "")
    if not raw_url:
        abort(400)
    try:
        url = StationFetcher.normalise(raw_url)
        doc = fetcher.fetch(url)
    except ValueError:
        return jsonify(error="feed did not return JSON"), 422
    except requests.RequestException as exc:
        log.info("station preview failed for %r: %r", raw_url, exc)
        return jsonify(error="could not reach station", detail=str(exc)), 502
    return jsonify(preview=summarise(doc), raw=doc)
