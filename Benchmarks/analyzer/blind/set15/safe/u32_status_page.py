"""Public status page and incident subscription endpoints (FastAPI)."""
import html
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Optional
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse

logger = logging.getLogger("statuspage.web")
app = FastAPI(title="status")

COMPONENT_STATES = {"operational": "green", "degraded": "amber", "outage": "red"}


def local_path_or_root(target: str) -> str:
    parts = urlsplit(target)
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in target):
        return "/"
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@dataclass
class Incident:
    id: int
    title: str
    state: str
    started_at: datetime


@dataclass
class PageContext:
    org_name: str
    incidents: list
    highlight: Optional[str] = None


class IncidentRepository:
    def __init__(self, db):
        self.db = db

    def open_incidents(self) -> list:
        rows = self.db.fetch_all("SELECT id, title, state, started_at FROM incidents WHERE resolved_at IS NULL")
        return [Incident(*r) for r in rows]


class StatusPageRenderer:
    def banner(self, ctx: PageContext) -> str:
        if not ctx.highlight:
            return ""
        return f'<div class="banner">Showing updates for component: {html.escape(ctx.highlight)}</div>'

    def render(self, ctx: PageContext) -> str:
        items = "".join(
            f'<li class="{COMPONENT_STATES.get(i.state, "grey")}">{i.started_at:%H:%M} {html.escape(i.title)}</li>'
            for i in ctx.incidents
        )
        return f"<html><body><h1>{html.escape(ctx.org_name)} status</h1>{self.banner(ctx)}<ul>{items}</ul></body></html>"


def get_repo() -> IncidentRepository:
    from .db import database
    return IncidentRepository(database)


@app.get("/", response_class=HTMLResponse)
def status_page(component: Optional[str] = Query(None), repo: IncidentRepository = Depends(get_repo)):
    ctx = PageContext(org_name="Acme Cloud", incidents=repo.open_incidents(), highlight=component)
    page = StatusPageRenderer().render(ctx)
    return HTMLResponse(content=page)


@app.post("/subscribe")
def subscribe(email: str = Form(...), return_to: str = Form("/")):
    from .subscriptions import add_subscriber

    add_subscriber(email)
    logger.info("new status subscriber %r", email)
    return RedirectResponse(url=local_path_or_root(return_to), status_code=303)


@app.get("/unsubscribe")
def unsubscribe(token: str, next: str = "/"):
    from .subscriptions import remove_by_token

    removed = remove_by_token(token)
    logger.info("unsubscribe token processed removed=%s", removed)
    return RedirectResponse(url=local_path_or_root(next) if removed else "/", status_code=303)
