"""Billing dispute search for the collections team (Starlette service)."""
import logging
import os

import aiosqlite
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("disputes")
DB_PATH = os.environ.get("DISPUTES_DB", "/var/lib/billing/disputes.db")
PAGE_SIZE = 50
SORTABLE = {"opened_at", "amount", "state", "invoice_no"}


def build_query(filters: dict):
    sql = (
        "SELECT id, account_id, invoice_no, amount, reason, state, opened_at "
        "FROM disputes WHERE account_id = ?"
    )
    params = [filters["account_id"]]
    if filters.get("state"):
        sql += " AND state = ?"
        params.append(filters["state"])
    if filters.get("text"):
        sql += " AND reason LIKE ?"
        params.append("%" + filters["text"] + "%")
    sort = filters["sort"] if filters["sort"] in SORTABLE else "opened_at"
    sql += f" ORDER BY {sort} {filters['direction']} LIMIT {PAGE_SIZE} OFFSET ?"
    params.append(filters["offset"])
    return sql, params


async def search_disputes(request):
    q = request.query_params
    if "account_id" not in q:
        return JSONResponse({"error": "account_id required"}, status_code=400)
    filters = {
        "account_id": q["account_id"],
        "state": q.get("state"),
        "text": q.get("q", "").strip(),
        "sort": q.get("sort", "opened_at"),
        "direction": "ASC" if q.get("dir", "desc").lower() == "asc" else "DESC",
        "offset": int(q.get("page", "0")) * PAGE_SIZE,
    }
    sql, params = build_query(filters)
    async with aiosqlite.connect(DB_PATH) as db:
        db.row_factory = aiosqlite.Row
        async with db.execute(sql, params) as cur:
            rows = [dict(r) async for r in cur]
    return JSONResponse({"results": rows, "page": int(q.get("page", "0"))})


async def dispute_detail(request):
    dispute_id = int(request.path_params["dispute_id"])
    async with aiosqlite.connect(DB_PATH) as db:
        db.row_factory = aiosqlite.Row
        async with db.execute("SELECT * FROM disputes WHERE id = ?", (dispute_id,)) as cur:
            row = await cur.fetchone()
    if row is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse(dict(row))


app = Starlette(routes=[
    Route("/disputes", search_disputes),
    Route("/disputes/{dispute_id:int}", dispute_detail),
])
