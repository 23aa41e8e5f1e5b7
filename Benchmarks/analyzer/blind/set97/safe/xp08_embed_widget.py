"""Server-rendered "top events" widget that customers embed via iframe."""
import html
import os
import sqlite3

from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

DB = os.environ.get("DASH_DB", "/var/lib/dash/analytics.db")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/widget.css"></head>
<body><h2>{heading}</h2>
<table class="top-events"><tr><th>Event</th><th>Count</th></tr>{rows}</table>
</body></html>"""


def top_events(project_id: int, search: str, limit: int = 20):
    conn = sqlite3.connect(DB)
    try:
        cur = conn.execute(
            "SELECT event_name, count(*) FROM events WHERE project_id = ? "
            "AND event_name LIKE ? GROUP BY event_name ORDER BY 2 DESC LIMIT ?",
            (project_id, f"%{search}%", limit),
        )
        return cur.fetchall()
    finally:
        conn.close()


def render_rows(rows) -> str:
    return "".join(
        f"<tr><td>{html.escape(str(name))}</td><td>{int(count)}</td></tr>" for name, count in rows
    )


async def widget(request):
    project_id = request.path_params["project_id"]
    search = request.query_params.get("q", "")
    title = request.query_params.get("title", "Top events")
    rows = top_events(project_id, search)
    safe_title = html.escape(title)
    heading = f"{safe_title} matching &ldquo;{html.escape(search)}&rdquo;" if search else safe_title
    page = PAGE.format(title=safe_title, heading=heading, rows=render_rows(rows))
    return HTMLResponse(page)


async def not_found(request, exc):
    return HTMLResponse(f"<p>No widget at {html.escape(request.url.path)}</p>", status_code=404)


app = Starlette(
    routes=[Route("/widgets/{project_id:int}/top-events", widget)],
    exception_handlers={404: not_found},
)
