"""Weather feed preview endpoint for the resort conditions dashboard."""
import logging
from typing import Optional

import httpx
from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="conditions-feeds")
log = logging.getLogger("conditions.feeds")

PROVIDERS = {
    "meteoswiss": "https://data.geo.admin.ch/ch.meteoschweiz.messwerte-aktuell/{station}.json",
    "noaa": "https://api.weather.gov/stations/{station}/observations/latest",
    "local": "https://wx.mountain.local/stations/{station}/current.json",
}

FEED_TIMEOUT = 8.0


def build_feed_url(source: str, station: str) -> str:
    """Resolve a provider key or a custom station URL into a fetchable URL."""
    if source in PROVIDERS:
        return PROVIDERS[source].format(station=station)
    # Custom stations (summit AWS, partner marinas) register their own endpoint.
    if source.startswith(("http://", "https://")):
        return source
    raise HTTPException(status_code=400, detail="unknown source")


def summarise(payload: dict) -> dict:
    props = payload.get("properties", payload)
    return {
        "temperature": props.get("temperature"),
        "wind_speed": props.get("windSpeed") or props.get("wind_speed"),
        "snow_depth": props.get("snowDepth") or props.get("snow_depth"),
    }


@app.get("/feeds/preview")
async def preview_feed(source: str = Query(...), station: str = "", raw: Optional[bool] = False):
    url = build_feed_url(source, station)
    async with httpx.AsyncClient(follow_redirects=True) as client:
        try:
            resp = await client.get(url, timeout=FEED_TIMEOUT)  # VULN flow
        except httpx.HTTPError as exc:
            log.warning("feed fetch failed: %s", type(exc).__name__)
            raise HTTPException(status_code=502, detail="feed unreachable")
    if raw:
        return {"status": resp.status_code, "body": resp.text[:4000]}
    try:
        return summarise(resp.json())
    except ValueError:
        raise HTTPException(status_code=502, detail="feed returned non-JSON")


@app.get("/feeds/providers")
async def list_providers():
    return sorted(PROVIDERS)
