"""Billing report endpoint for the finance dashboard (aiohttp + asyncpg)."""
import logging
import os
from datetime import date

import asyncpg
from aiohttp import web

log = logging.getLogger("billing_report")

REPORT_SQL = """
SELECT c.account_no, c.trading_name, i.invoice_no, i.period_end,
       i.net_pence, i.vat_pence, i.gross_pence, i.status
FROM invoices i JOIN customers c ON c.id = i.customer_id
WHERE i.period_end BETWEEN $1 AND $2
"""


def _parse_date(value: str, default: date) -> date:
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        raise web.HTTPBadRequest(text=f"bad date: {value!r}")


class ReportQuery:
    def __init__(self, params) -> None:
        today = date.today()
        self.start = _parse_date(params.get("from"), today.replace(day=1))
        self.end = _parse_date(params.get("to"), today)
        self.status = params.get("status")
        self.sort = params.get("sort", "i.period_end")
        self.direction = params.get("dir", "desc")

    def sql(self):
        text = REPORT_SQL
        args = [self.start, self.end]
        if self.status:
            args.append(self.status)
            text += f" AND i.status = ${len(args)}"
        text += f" ORDER BY {self.sort} {self.direction} LIMIT 1000"
        return text, args


async def billing_report(request: web.Request) -> web.Response:
    query = ReportQuery(request.query)
    text, args = query.sql()
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(text, *args)  # VULN flow
    total = sum(r["gross_pence"] for r in rows)
    return web.json_response({
        "from": query.start.isoformat(),
        "to": query.end.isoformat(),
        "count": len(rows),
        "gross_total_pence": total,
        "rows": [{**dict(r), "period_end": r["period_end"].isoformat()} for r in rows],
    })


async def _init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(dsn=os.environ["BILLING_DSN"], min_size=1, max_size=5)
    yield
    await app["pool"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_init_pool)
    app.router.add_get("/reports/billing", billing_report)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8087)
