"""Store locator page served on the public website (Starlette)."""
import logging
from typing import Dict, List

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

log = logging.getLogger("web.locator")

STORES: List[Dict[str, str]] = [
    {"id": "0042", "name": "Riverside Market", "city": "Portland", "address": "120 River St", "hours": "7-22"},
    {"id": "0057", "name": "Eastgate", "city": "Portland", "address": "9 Gate Ave", "hours": "8-21"},
    {"id": "0103", "name": "Harbor Square", "city": "Seattle", "address": "55 Pier Rd", "hours": "7-23"},
]

LAYOUT = "<!doctype html><html><head><title>Find a store</title></head><body>{content}</body></html>"


def _store_rows(stores: List[Dict[str, str]]) -> str:
    return "".join(
        f"<li><b>{s['name']}</b> &mdash; {s['address']} (open {s['hours']})</li>" for s in stores
    )


def results_page(city: str, stores: List[Dict[str, str]]) -> str:
    if not stores:
        content = f"<p>Sorry, we have no stores near <strong>{city}</strong> yet.</p>"
    else:
        content = f"<h2>{len(stores)} stores near {city}</h2><ul>{_store_rows(stores)}</ul>"
    form = "<form action='/stores'><input name='city' placeholder='City'><button>Search</button></form>"
    return LAYOUT.format(content=form + content)


def find_stores(city: str) -> List[Dict[str, str]]:
    needle = city.strip().lower()
    return [s for s in STORES if s["city"].lower() == needle]


async def locator(request: Request) -> HTMLResponse:
    city = request.query_params.get("city", "").strip()[:80]
    matches = find_stores(city) if city else []
    page = results_page(city, matches)
    return HTMLResponse(page)  # VULN flow


async def locator_api(request: Request) -> JSONResponse:
    city = request.query_params.get("city", "")
    return JSONResponse({"city": city, "stores": find_stores(city)})


app = Starlette(routes=[
    Route("/stores", locator),
    Route("/api/stores", locator_api),
])
