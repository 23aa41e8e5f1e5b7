"""Outage map share links and post-report redirects (FastAPI).

Links in outage SMS/email alerts point at /outages/{id}/go which logs the
click and forwards the customer to the map, optionally returning them to
the page they came from.
"""
import logging
from typing import Optional
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse

log = logging.getLogger("outage_map")
app = FastAPI(title="outage-map")

MAP_BASE = "https://outages.citywater.gov/map"
ALLOWED_HOSTS = {"outages.citywater.gov", "www.citywater.gov", "myaccount.citywater.gov"}
CLICKS = {}
OUTAGES = {
    1041: {"area": "Northfield DMA-07", "status": "repair_in_progress"},
    1042: {"area": "Harbor Road trunk main", "status": "investigating"},
}


def _is_allowed(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.hostname in ALLOWED_HOSTS and "\\" not in url


def _resolve_target(outage_id: int, return_to: Optional[str]) -> str:
    if return_to and _is_allowed(return_to):
        target = return_to
    else:
        target = f"{MAP_BASE}?focus={outage_id}"
    return target


@app.get("/outages/{outage_id}/go")
def follow_alert_link(outage_id: int, request: Request, return_to: Optional[str] = None,
                      channel: str = "sms"):
    if outage_id not in OUTAGES:
        raise HTTPException(status_code=404, detail="outage not found")
    CLICKS[(outage_id, channel)] = CLICKS.get((outage_id, channel), 0) + 1
    target = _resolve_target(outage_id, return_to)
    log.info("alert click outage=%d channel=%r", outage_id, channel)
    return RedirectResponse(url=target, status_code=303)


@app.get("/outages/{outage_id}")
def outage_detail(outage_id: int):
    outage = OUTAGES.get(outage_id)
    if outage is None:
        raise HTTPException(status_code=404, detail="outage not found")
    return {"id": outage_id, **outage, "map": f"{MAP_BASE}?focus={outage_id}"}


@app.get("/outages/stats/clicks")
def click_stats():
    return [{"outage": o, "channel": c, "clicks": n} for (o, c), n in sorted(CLICKS.items())]
