"""Search endpoint for the chat history service (aiohttp)."""
import asyncio
import logging
import sqlite3
from dataclasses import dataclass
from typing import Optional

from aiohttp import web

DB_PATH = "/var/lib/chatd/history.sqlite3"
MAX_LIMIT = 200

log = logging.getLogger("chatd.search")
routes = web.RouteTableDef()


@dataclass
class SearchFilter:
    room: str
    term: str
    sender: Optional[str] = None
    before: Optional[str] = None
    limit: int = 50


def filter_from_request(request: web.Request) -> SearchFilter:
    q = request.rel_url.query
    try:
        limit = min(int(q.get("limit", "50")), MAX_LIMIT)
    except ValueError:
        limit = 50
    return SearchFilter(
        room=request.match_info["room"],
        term=q.get("q", ""),
        sender=q.get("from"),
        before=q.get("before"),
        limit=limit,
    )


def build_query(flt: SearchFilter) -> tuple:
    clauses = ["room_id = ?"]
    params: list = [flt.room]
    if flt.term:
        clauses.append("body LIKE ?")
        params.append(f"%{flt.term}%")
    if flt.sender:
        clauses.append("sender = ?")
        params.append(flt.sender)
    if flt.before:
        clauses.append("sent_at < ?")
        params.append(flt.before)
    where = " AND ".join(clauses)
    params.append(flt.limit)
    sql = (
        "SELECT id, sender, body, sent_at FROM messages "
        f"WHERE {where} ORDER BY sent_at DESC LIMIT ?"
    )
    return sql, params


def run_search(flt: SearchFilter) -> list:
    sql, params = build_query(flt)
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(sql, params).fetchall()
    finally:
        conn.close()
    return [dict(r) for r in rows]


@routes.get("/rooms/{room}/search")
async def search(request: web.Request) -> web.Response:
    flt = filter_from_request(request)
    loop = asyncio.get_running_loop()
    try:
        rows = await loop.run_in_executor(None, run_search, flt)
    except sqlite3.Error:
        log.exception("search failed")
        raise web.HTTPInternalServerError(text="search failed")
    return web.json_response({"room": flt.room, "count": len(rows), "results": rows})


def make_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8081)
