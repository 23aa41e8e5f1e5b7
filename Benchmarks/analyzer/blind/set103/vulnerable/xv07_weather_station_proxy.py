"""Weather station proxy for the irrigation controller UI.

Growers can attach their own on-farm weather station feed to a controller;
this endpoint fetches the latest observation so the UI can show an
evapotranspiration estimate next to the schedule.
"""
import logging
import os
from urllib.parse import urlencode

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("wx.proxy")

DEFAULT_PROVIDER = "https://api.agweather.example.com/v2/observations"
FETCH_TIMEOUT = float(os.environ.get("WX_TIMEOUT", "6"))


def build_station_url(station: dict) -> str:
    base = (station.get("feed_url") or DEFAULT_PROVIDER).strip()
    query = {"station": station.get("id", ""), "units": station.get("units", "metric")}
    sep = "&" if "?" in base else "?"
    return base + sep + urlencode(query)


def estimate_et0(obs: dict) -> float:
    # Hargreaves reference ET, good enough for the dashboard tile
    tmax = float(obs.get("tmax_c", 0.0))
    tmin = float(obs.get("tmin_c", 0.0))
    ra = float(obs.get("ra_mj", 15.0))
    tmean = (tmax + tmin) / 2
    return round(0.0023 * ra * (tmean + 17.8) * max(tmax - tmin, 0.0) ** 0.5, 2)


@app.route("/api/stations/latest", methods=["POST"])
def latest_observation():
    station = request.get_json(force=True, silent=True) or {}
    url = build_station_url(station)
    try:
        resp = requests.get(url, timeout=FETCH_TIMEOUT)  # VULN flow
        resp.raise_for_status()
        obs = resp.json()
    except (requests.RequestException, ValueError) as exc:
        log.warning("station fetch failed for %r: %r", station.get("id"), exc)
        return jsonify(error="station unavailable"), 502
    return jsonify(
        station=station.get("id"),
        observation=obs,
        et0_mm=estimate_et0(obs),
    )


@app.route("/api/stations/health")
def health():
    return jsonify(ok=True, provider=DEFAULT_PROVIDER)
