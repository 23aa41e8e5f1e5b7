"""METAR proxy used by the EFB app.

Aggregates observations from the national met service, or from an
alternate source when the EFB is configured for a partner feed.
"""
import logging
from typing import Optional

import httpx
from fastapi import FastAPI, HTTPException, Query

log = logging.getLogger("wx.proxy")
app = FastAPI(title="wx-proxy")

DEFAULT_SOURCE = "https://aviationweather.gov/api/data/metar"
SOURCES = {
    "noaa": DEFAULT_SOURCE,
    "partner": "https://metar.partner-wx.example.com/v1/metar",
}
HTTP_TIMEOUT = httpx.Timeout(8.0)


def resolve_source(station: str, source: Optional[str]) -> str:
    base = SOURCES.get(source or "noaa")
    if base is None:
        raise HTTPException(status_code=400, detail="unknown source")
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}ids={station}&format=json"


async def fetch_json(url: str):
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.get(url, timeout=HTTP_TIMEOUT)
        resp.raise_for_status()
        return resp.json()


def normalise(records):
    out = []
    for rec in records if isinstance(records, list) else [records]:
        out.append(
            {
                "raw": rec.get("rawOb") or rec.get("raw_text"),
                "observed": rec.get("reportTime") or rec.get("observation_time"),
                "wind": f"{rec.get('wdir', 'VRB')}/{rec.get('wspd', 0)}kt",
                "visibility": rec.get("visib"),
                "qnh": rec.get("altim"),
            }
        )
    return out


@app.get("/metar/{station}")
async def metar(station: str, source: Optional[str] = Query(None)):
    station = station.upper()
    if len(station) != 4 or not station.isalpha():
        raise HTTPException(status_code=422, detail="ICAO station code expected")
    url = resolve_source(station, source)
    try:
        data = await fetch_json(url)
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("upstream failure for %s: %r", station, exc)
        raise HTTPException(status_code=502, detail="upstream error")
    return {"station": station, "observations": normalise(data)}


@app.get("/healthz")
async def healthz():
    return {"ok": True}
