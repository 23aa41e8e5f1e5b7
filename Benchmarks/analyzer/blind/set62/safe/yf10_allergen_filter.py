"""Self-order kiosk API: filter a store's menu by ingredient or allergen."""
import json
import logging
import os
import re
from functools import lru_cache
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("kiosk.menu")
MENU_DIR = Path(os.environ.get("KIOSK_MENU_DIR", "/srv/kiosk/menus"))
KNOWN_ALLERGENS = {"gluten", "dairy", "egg", "peanut", "tree_nut", "soy", "fish", "shellfish", "sesame"}
MAX_SEARCH_LEN = 64


@lru_cache(maxsize=64)
def load_menu(store_id: int) -> tuple:
    with open(MENU_DIR / f"{store_id}.json", encoding="utf-8") as fh:
        return tuple(json.load(fh)["items"])


def build_matcher(expr: str):
    """Kiosk staff type plain ingredient searches like 'chickpea'."""
    if len(expr) > MAX_SEARCH_LEN:
        raise re.error("search too long")
    return re.compile(re.escape(expr), re.IGNORECASE)


def item_text(item: dict) -> str:
    return " ".join([item.get("name", ""), item.get("description", ""), *item.get("ingredients", [])])


async def filter_menu(request: Request) -> JSONResponse:
    store_id = request.path_params["store_id"]
    params = request.query_params
    excluded = {a for a in params.get("exclude", "").split(",") if a in KNOWN_ALLERGENS}
    search = params.get("match", "").strip()
    try:
        items = load_menu(store_id)
    except FileNotFoundError:
        return JSONResponse({"error": "unknown store"}, status_code=404)

    matcher = None
    if search:
        try:
            matcher = build_matcher(search)
        except re.error:
            return JSONResponse({"error": "invalid search"}, status_code=400)

    results = []
    for item in items:
        if excluded & set(item.get("allergens", [])):
            continue
        if matcher is not None and not matcher.search(item_text(item)):
            continue
        results.append({"sku": item["sku"], "name": item["name"], "price": item["price"]})
    log.debug("store %d filter returned %d items", store_id, len(results))
    return JSONResponse({"items": results, "excluded": sorted(excluded)})


app = Starlette(routes=[Route("/stores/{store_id:int}/menu/filter", filter_menu)])
