"""Public invoice preview page (the link included in invoice e-mails)."""
import logging
from decimal import Decimal
from html import escape

import asyncpg
from aiohttp import web

log = logging.getLogger("preview")
routes = web.RouteTableDef()

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Invoice {number}</title></head>
<body>
<h1>Invoice {number}</h1>
<p class="customer">Billed to: {customer}</p>
<table class="lines">{rows}</table>
<p class="note">{note}</p>
<p class="total">Total: {total} {currency}</p>
</body></html>"""


def render_rows(lines):
    out = []
    for line in lines:
        out.append(
            "<tr><td>" + escape(line["description"]) + "</td><td>" + escape(str(line["qty"]))
            + "</td><td>" + escape(str(line["amount"])) + "</td></tr>"
        )
    return "".join(out)


async def fetch_invoice(pool, token):
    async with pool.acquire() as conn:
        inv = await conn.fetchrow(
            "SELECT id, number, customer_name, note, currency FROM invoices WHERE share_token = $1", token
        )
        if inv is None:
            return None, []
        lines = await conn.fetch(
            "SELECT description, qty, amount FROM invoice_lines WHERE invoice_id = $1 ORDER BY position", inv["id"]
        )
    return inv, lines


@routes.get("/i/{token}")
async def preview(request: web.Request) -> web.Response:
    inv, lines = await fetch_invoice(request.app["pool"], request.match_info["token"])
    if inv is None:
        raise web.HTTPNotFound()
    total = sum((Decimal(line["amount"]) for line in lines), Decimal("0"))
    banner = request.query.get("msg", "")
    html = PAGE.format(
        number=escape(inv["number"]),
        customer=escape(inv["customer_name"]),
        rows=render_rows(lines),
        note=escape(banner or inv["note"] or ""),
        total=total,
        currency=escape(inv["currency"]),
    )
    return web.Response(text=html, content_type="text/html")


async def init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(dsn=app["dsn"], min_size=1, max_size=5)
    yield
    await app["pool"].close()


def make_app(dsn: str) -> web.Application:
    app = web.Application()
    app["dsn"] = dsn
    app.add_routes(routes)
    app.cleanup_ctx.append(init_pool)
    return app
