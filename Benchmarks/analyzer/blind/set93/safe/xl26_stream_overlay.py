"""Broadcast overlay endpoints loaded as browser sources in OBS (Starlette)."""
import html
import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

log = logging.getLogger("overlay")

THEMES = {"dark": "#111418", "light": "#f4f4f4", "sponsor": "#0a2a5e"}
SPONSOR_LINKS = {
    "energy": "https://www.example-energy-drink.com/esports",
    "peripherals": "https://www.example-peripherals.com/pro",
    "chairs": "https://www.example-chairs.com/arena",
}

SCOREBUG = """<!doctype html>
<html><head><meta charset="utf-8">
<style>
 body {{ margin:0; background:transparent; font-family:'Rajdhani',sans-serif; }}
 .bug {{ background:{bg}; color:#fff; padding:6px 14px; display:flex; gap:18px; }}
 .score {{ font-weight:700; }}
</style></head>
<body><div class="bug">
 <span class="team">{team_a}</span><span class="score">{score_a}</span>
 <span class="sep">-</span>
 <span class="score">{score_b}</span><span class="team">{team_b}</span>
 <span class="stage">{stage}</span>
</div></body></html>"""


def overlay_context(params) -> dict:
    ctx = {
        "bg": THEMES.get(params.get("theme", "dark"), THEMES["dark"]),
        "team_a": params.get("a", "TEAM A"),
        "team_b": params.get("b", "TEAM B"),
        "score_a": params.get("sa", "0"),
        "score_b": params.get("sb", "0"),
        "stage": params.get("stage", ""),
    }
    return {k: html.escape(v) for k, v in ctx.items()}


async def scorebug(request: Request) -> HTMLResponse:
    ctx = overlay_context(request.query_params)
    body = SCOREBUG.format(**ctx)
    return HTMLResponse(body)


async def sponsor_click(request: Request) -> RedirectResponse:
    log.info("sponsor click from overlay %s", request.path_params["slot"])
    return RedirectResponse(url=SPONSOR_LINKS.get(request.query_params.get("to", ""), "/"), status_code=302)


app = Starlette(routes=[
    Route("/overlay/scorebug", scorebug),
    Route("/overlay/sponsor/{slot:int}", sponsor_click),
])
