"""Public candidate profile pages ("talent network") rendered by Starlette.
Candidates opt in to a shareable profile that recruiters can browse."""
import logging

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from talent.store import ProfileStore

log = logging.getLogger("talent.profiles")
store = ProfileStore()

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/profile.css"></head>
<body><main class="profile">{body}</main></body></html>"""


def skills_html(skills) -> str:
    return "".join(f'<li class="skill">{s}</li>' for s in skills)


def render_profile(profile: dict, highlight: str) -> str:
    parts = [
        f"<h1>{profile['display_name']}</h1>",
        f"<p class='headline'>{profile['headline']}</p>",
        f"<section class='bio'>{profile['bio']}</section>",
        f"<ul class='skills'>{skills_html(profile.get('skills', []))}</ul>",
    ]
    if highlight:
        parts.insert(0, f"<div class='notice'>Showing matches for <em>{highlight}</em></div>")
    return PAGE.format(title=f"{profile['display_name']} - Talent Network", body="".join(parts))


async def profile_page(request: Request) -> HTMLResponse:
    slug = request.path_params["slug"]
    profile = await store.get_public(slug)
    if profile is None:
        raise HTTPException(status_code=404)
    html = render_profile(profile, request.query_params.get("q", ""))
    return HTMLResponse(html)  # VULN flow


async def search_page(request: Request) -> HTMLResponse:
    term = request.query_params.get("q", "").strip()
    results = await store.search(term, limit=30) if term else []
    items = "".join(
        f'<li><a href="/talent/{r["slug"]}">{r["display_name"]}</a> &middot; {r["headline"]}</li>'
        for r in results
    )
    body = f"<h1>Results for {term}</h1><ul>{items}</ul>"
    return HTMLResponse(PAGE.format(title="Talent search", body=body))  # VULN flow


app = Starlette(routes=[
    Route("/talent/search", search_page),
    Route("/talent/{slug}", profile_page),
])
