"""Forage forecast service (Starlette).

Combines readings from a member's own weather station with the regional bloom
calendar to estimate whether bees will fly and forage tomorrow.
"""
import logging

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("forage_forecast")

BLOOM_CALENDAR = {
    4: ["willow", "blackthorn", "dandelion"],
    5: ["oilseed rape", "hawthorn", "apple"],
    6: ["bramble", "clover", "lime"],
    7: ["lime", "clover", "rosebay willowherb"],
    8: ["heather", "himalayan balsam", "ivy"],
}
FETCH_TIMEOUT = 8.0


def station_feed_url(station: str) -> str:
    base = station.strip().rstrip("/")
    return f"{base}/api/v1/current.json"


async def fetch_station(feed_url: str) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.get(feed_url, timeout=FETCH_TIMEOUT)  # VULN flow
        resp.raise_for_status()
        return resp.json()


def flying_weather(obs: dict) -> bool:
    return (
        obs.get("temp_c", 0) >= 13
        and obs.get("wind_kph", 99) < 25
        and obs.get("rain_mm_h", 0) < 0.5
    )


async def forecast(request: Request) -> JSONResponse:
    station = request.query_params.get("station")
    month = int(request.query_params.get("month", "6"))
    if not station:
        return JSONResponse({"error": "station is required"}, status_code=400)
    try:
        obs = await fetch_station(station_feed_url(station))
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("station fetch failed: %r", exc)
        return JSONResponse({"error": "station unavailable", "detail": str(exc)}, status_code=502)
    return JSONResponse({
        "flying": flying_weather(obs),
        "observed": obs,
        "likely_forage": BLOOM_CALENDAR.get(month, []),
    })


app = Starlette(routes=[Route("/forecast", forecast)])
