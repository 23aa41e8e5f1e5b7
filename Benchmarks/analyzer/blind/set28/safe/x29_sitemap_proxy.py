"""Sitemap inspection API for the SEO dashboard."""
import logging
import os
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

import httpx
from defusedxml import ElementTree as DefusedET
from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="seo-sitemaps")
logger = logging.getLogger("seo.sitemaps")

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
MAX_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = 10.0
REGISTERED_SITES = frozenset(
    host.strip().lower() for host in os.environ.get("SEO_SITES", "").split(",") if host.strip()
)


def sitemap_url(site: str) -> str:
    parts = urlsplit(site if "://" in site else f"https://{site}")
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or host not in REGISTERED_SITES:
        raise HTTPException(status_code=400, detail="site is not registered")
    return f"https://{host}/sitemap.xml"


async def fetch_sitemap(url: str) -> bytes:
    async with httpx.AsyncClient(timeout=FETCH_TIMEOUT, follow_redirects=False) as client:
        resp = await client.get(url)
        resp.raise_for_status()
    if len(resp.content) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="sitemap too large")
    return resp.content


def summarise(raw: bytes) -> dict:
    try:
        root = DefusedET.fromstring(raw)
    except ParseError:
        raise HTTPException(status_code=422, detail="sitemap is not valid XML")
    locs = [el.text for el in root.findall("sm:url/sm:loc", SITEMAP_NS) if el.text]
    nested = [el.text for el in root.findall("sm:sitemap/sm:loc", SITEMAP_NS) if el.text]
    return {"urls": len(locs), "nested_sitemaps": nested[:50], "sample": locs[:20]}


@app.get("/sitemaps/inspect")
async def inspect(site: str = Query(..., max_length=255)) -> dict:
    url = sitemap_url(site)
    try:
        raw = await fetch_sitemap(url)
    except httpx.HTTPError:
        logger.info("could not fetch sitemap %r", url)
        raise HTTPException(status_code=502, detail="could not fetch sitemap")
    return {"sitemap": url, **summarise(raw)}
