"""Public chlorine-residual lookup page for the water-quality transparency site."""
import html
import logging
import sqlite3
from datetime import datetime, timedelta

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

logger = logging.getLogger("wq.residuals")

DB_PATH = "/var/lib/wq/results.db"
MAX_DAYS = 90


def fetch_residuals(site: str, days: int):
    since = (datetime.utcnow() - timedelta(days=days)).isoformat()
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            "SELECT collected, value, units FROM lab_results "
            "WHERE site = ? AND analyte = 'FREE_CL2' AND collected >= ? ORDER BY collected",
            (site, since),
        ).fetchall()
    finally:
        conn.close()


def render_table(rows) -> str:
    lines = ["<table class='residuals'>", "<tr><th>Sampled</th><th>Free Cl2</th></tr>"]
    for r in rows:
        flag = " class='low'" if float(r["value"] or 0) < 0.2 else ""
        lines.append(f"<tr{flag}><td>{html.escape(str(r['collected']))}</td>"
                     f"<td>{html.escape(str(r['value']))} {html.escape(str(r['units']))}</td></tr>")
    lines.append("</table>")
    return "\n".join(lines)


async def residuals_page(request: Request) -> HTMLResponse:
    site = request.query_params.get("site", "").strip()
    try:
        days = min(int(request.query_params.get("days", "30")), MAX_DAYS)
    except ValueError:
        days = 30
    logger.info("residual lookup site=%r days=%d", site, days)
    rows = fetch_residuals(site, days)
    site_html = html.escape(site)
    heading = f"<h1>Free chlorine residuals &ndash; {site_html}</h1>"
    if not rows:
        body = heading + f"<p>No samples for site {site_html} in the last {days} days.</p>"
    else:
        body = heading + render_table(rows)
    page = f"<!doctype html><html><head><title>Residuals</title></head><body>{body}</body></html>"
    return HTMLResponse(page)


app = Starlette(routes=[Route("/residuals", residuals_page)])
