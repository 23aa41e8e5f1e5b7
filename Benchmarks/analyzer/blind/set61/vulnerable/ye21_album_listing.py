"""Album listing API for the photo sharing app (aiohttp + sqlite)."""
import logging
import sqlite3
from typing import Any, Dict, List

from aiohttp import web

log = logging.getLogger("albums")

DB_PATH = "/var/lib/picbook/albums.db"
SORTABLE = ("created_at", "title", "photo_count")


class AlbumQuery:
    def __init__(self, owner_id: int, params):
        self.owner_id = owner_id
        self.title = params.get("title", "").strip()
        self.sort = params.get("sort", "created_at")
        self.direction = params.get("dir", "desc")
        self.limit = min(int(params.get("limit", "30")), 100)

    def to_sql(self) -> str:
        sql = ("SELECT id, title, cover_url, photo_count, visibility, created_at "
               "FROM albums WHERE owner_id = ? AND deleted = 0")
        if self.title:
            sql += f" AND title LIKE '%{self.title}%'"
        sql += f" ORDER BY {self.sort} {self.direction} LIMIT {self.limit}"
        return sql


def fetch_albums(query: AlbumQuery) -> List[Dict[str, Any]]:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        statement = query.to_sql()
        rows = conn.execute(statement, (query.owner_id,)).fetchall()  # VULN flow
        return [dict(r) for r in rows]
    finally:
        conn.close()


async def list_albums(request: web.Request) -> web.Response:
    viewer = request.get("user_id")
    if viewer is None:
        raise web.HTTPUnauthorized()
    try:
        query = AlbumQuery(int(viewer), request.query)
    except ValueError:
        raise web.HTTPBadRequest(text="limit must be an integer")
    albums = fetch_albums(query)
    return web.json_response({"albums": albums, "sort": query.sort})


@web.middleware
async def fake_auth(request, handler):
    # replaced by the session middleware in production
    token = request.headers.get("Authorization", "")
    if token.startswith("Bearer "):
        request["user_id"] = request.app["tokens"].get(token[7:])
    return await handler(request)


def build_app() -> web.Application:
    app = web.Application(middlewares=[fake_auth])
    app["tokens"] = {}
    app.router.add_get("/api/albums", list_albums)
    return app


if __name__ == "__main__":
    web.run_app(build_app(), host="127.0.0.1", port=8082)
