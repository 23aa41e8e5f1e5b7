"""Starlette service that renders SVG build-status badges for READMEs.

    GET /badges/{project}.svg?label=build&color=%234c1
"""
import html
import logging
import os
import re

import redis.asyncio as aioredis
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

log = logging.getLogger("badges")

STATUS_COLORS = {
    "passing": "#4c1",
    "failing": "#e05d44",
    "running": "#dfb317",
    "unknown": "#9f9f9f",
}

BADGE_TEMPLATE = """<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img">
  <rect width="{lw}" height="20" fill="#555"/>
  <rect x="{lw}" width="{mw}" height="20" fill="{color}"/>
  <g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
    <text x="6" y="14">{label}</text>
    <text x="{mx}" y="14">{message}</text>
  </g>
</svg>"""

COLOR_RE = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")

redis_client = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


def text_width(text: str) -> int:
    return 7 * len(text) + 12


def render_badge(label: str, message: str, color: str) -> str:
    lw, mw = text_width(label), text_width(message)
    return BADGE_TEMPLATE.format(label=html.escape(label), message=html.escape(message), color=color,
                                 lw=lw, mw=mw, mx=lw + 6, total=lw + mw)


async def latest_status(project: str, ref: str) -> str:
    value = await redis_client.hget(f"ci:status:{project}", ref)
    status = value.decode() if value else "unknown"
    return status if status in STATUS_COLORS else "unknown"


async def badge(request: Request) -> Response:
    project = request.path_params["project"]
    ref = request.query_params.get("ref", "main")
    status = await latest_status(project, ref)
    label = request.query_params.get("label", "build")[:40]
    color = request.query_params.get("color", "")
    if not COLOR_RE.fullmatch(color):
        color = STATUS_COLORS[status]
    svg = render_badge(label, status, color)
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "no-cache"})


app = Starlette(routes=[Route("/badges/{project:path}.svg", badge)])
