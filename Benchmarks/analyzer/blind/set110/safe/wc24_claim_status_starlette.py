"""Small Starlette app that shows insurance claim status to front-desk staff
in the practice intranet (embedded in the PMS as an iframe)."""
import html
import os

import asyncpg
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

DSN = os.environ.get("CLAIMS_DSN", "postgresql://claims@localhost/claims")

PAGE = """<!doctype html><html><head><title>Claim {claim}</title>
<link rel="stylesheet" href="/static/pms.css"></head><body>
<h2>Claim {claim} &mdash; {payer}</h2>
<p>Status: <strong>{status}</strong> (billed ${billed}, paid ${paid})</p>
<table><tr><th>Date</th><th>Event</th></tr>{rows}</table>
</body></html>"""


async def fetch_claim(pool, claim_no: str):
    async with pool.acquire() as conn:
        claim = await conn.fetchrow(
            "SELECT claim_no, payer_name, status, billed, paid FROM claims WHERE claim_no = $1",
            claim_no,
        )
        if claim is None:
            return None, []
        events = await conn.fetch(
            "SELECT happened_at, description FROM claim_events WHERE claim_no = $1 ORDER BY happened_at",
            claim_no,
        )
    return claim, events


def render_rows(events) -> str:
    return "".join(
        f"<tr><td>{e['happened_at']:%Y-%m-%d}</td><td>{html.escape(e['description'])}</td></tr>"
        for e in events
    )


async def claim_status_page(request):
    claim_no = request.query_params.get("claim", "").strip()
    claim, events = await fetch_claim(request.app.state.pool, claim_no)
    if claim is None:
        return HTMLResponse(f"<p>No claim found matching <b>{html.escape(request.query_params.get('claim', ''))}</b>.</p>", status_code=404)
    page = PAGE.format(
        claim=html.escape(claim["claim_no"]),
        payer=html.escape(claim["payer_name"]),
        status=html.escape(claim["status"]),
        billed=claim["billed"],
        paid=claim["paid"] or 0,
        rows=render_rows(events),
    )
    return HTMLResponse(page)


async def claim_status_json(request):
    claim, events = await fetch_claim(request.app.state.pool, request.path_params["claim_no"])
    if claim is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse({"claim": claim["claim_no"], "status": claim["status"], "events": len(events)})


async def startup():
    app.state.pool = await asyncpg.create_pool(DSN, min_size=1, max_size=4)


async def shutdown():
    await app.state.pool.close()


app = Starlette(
    routes=[
        Route("/claims/status", claim_status_page),
        Route("/api/claims/{claim_no}", claim_status_json),
    ],
    on_startup=[startup],
    on_shutdown=[shutdown],
)
