"""Tiny weather widget service embedded on partner sites via iframe."""
import os
from functools import lru_cache
from typing import Optional

import requests
from flask import Flask, Response, jsonify, request
from markupsafe import escape

app = Flask(__name__)
app.config["DEBUG"] = os.environ.get("WIDGET_DEBUG") == "1"

FORECAST_URL = "https://api.forecast.example/v1/daily"
GEOCODE_URL = "https://geo.forecast.example/v1/search"
API_KEY = os.environ.get("FORECAST_API_KEY", "")


@lru_cache(maxsize=512)
def geocode(city: str) -> Optional[tuple]:
    resp = requests.get(GEOCODE_URL, params={"name": city, "count": 1, "key": API_KEY}, timeout=5)
    resp.raise_for_status()
    results = resp.json().get("results") or []
    if not results:
        return None
    return results[0]["latitude"], results[0]["longitude"]


def fetch_forecast(lat: float, lon: float, days: int = 5) -> list[dict]:
    resp = requests.get(
        FORECAST_URL,
        params={"lat": lat, "lon": lon, "days": days, "key": API_KEY},
        timeout=5,
    )
    resp.raise_for_status()
    daily = resp.json()["daily"]
    return [
        {"date": d, "tmax": float(hi), "tmin": float(lo)}
        for d, hi, lo in zip(daily["time"], daily["temperature_max"], daily["temperature_min"])
    ]


def render_card(city: str, forecast: list[dict], unit: str) -> str:
    rows = "".join(
        f"<li><span>{escape(d['date'][5:])}</span> {d['tmax']:.0f}&deg;/{d['tmin']:.0f}&deg;{unit}</li>"
        for d in forecast
    )
    return (
        '<div class="wx-card">'
        f"<h3>Next days in {escape(city)}</h3>"
        f"<ul>{rows}</ul>"
        "</div>"
    )


@app.route("/widget")
def widget():
    city = request.args.get("city", "London").strip()
    loc = geocode(city)
    if loc is None:
        return jsonify({"error": "unknown city"}), 404
    html = render_card(city, fetch_forecast(*loc), "C")
    return Response(html, mimetype="text/html")


@app.route("/healthz")
def healthz():
    return jsonify({"ok": True, "cache": geocode.cache_info()._asdict()})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5005")))
