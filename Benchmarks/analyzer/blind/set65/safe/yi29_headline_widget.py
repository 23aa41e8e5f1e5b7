"""Embeddable 'latest headlines' widget that partner sites load in an iframe."""
import html
import time
from typing import Dict, List

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

SECTIONS = ("top", "politics", "business", "culture", "sport")
CACHE_TTL = 60
THEMES = ("light", "dark", "compact")

WIDGET_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="https://static.news.example.com/widget.css">
</head>
<body class="widget widget--{theme}">
  <h3 class="widget__heading">{heading}</h3>
  <ul class="widget__list">{rows}</ul>
  <a class="widget__more" href="https://news.example.com/{section}" target="_top">More</a>
</body></html>"""

_cache: Dict[str, tuple] = {}


async def fetch_headlines(section: str) -> List[dict]:
    cached = _cache.get(section)
    if cached and time.monotonic() - cached[0] < CACHE_TTL:
        return cached[1]
    # populated by the publish hook; empty until the first article goes out
    items = _cache.get(section, (0.0, []))[1]
    _cache[section] = (time.monotonic(), items)
    return items


def render_rows(items: List[dict]) -> str:
    return "".join(
        '<li><a href="{}" target="_top">{}</a></li>'.format(
            html.escape(h["url"], quote=True), html.escape(h["title"])
        )
        for h in items[:8]
    )


async def widget(request: Request) -> HTMLResponse:
    section = request.query_params.get("section", "top")
    if section not in SECTIONS:
        section = "top"
    heading = html.escape(request.query_params.get("title", "Latest headlines"))
    theme = request.query_params.get("theme", "light")
    if theme not in THEMES:
        theme = "light"
    rows = render_rows(await fetch_headlines(section))
    page = WIDGET_TEMPLATE.format(theme=theme, heading=heading, rows=rows, section=section)
    return HTMLResponse(page)


async def widget_json(request: Request) -> JSONResponse:
    section = request.path_params["section"]
    if section not in SECTIONS:
        return JSONResponse({"error": "unknown section"}, status_code=404)
    return JSONResponse({"section": section, "items": await fetch_headlines(section)})


app = Starlette(routes=[
    Route("/widget", widget),
    Route("/widget/{section}.json", widget_json),
])
