"""OAuth client registry for tenant admins (Starlette + asyncpg)."""
import logging
import os

import asyncpg
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from registry.middleware import TenantAuthMiddleware

log = logging.getLogger("oauth.registry")

DEFAULT_SORT = "created_at"
PAGE_LIMIT = 200
SORT_COLUMNS = {
    "name": "name",
    "created_at": "created_at",
    "last_used_at": "last_used_at",
    "client_id": "client_id",
}


def build_listing_query(sort: str, direction: str, search: str) -> str:
    clauses = ["tenant_id = $1", "deleted_at IS NULL"]
    if search:
        clauses.append("name ILIKE $2")
    column = SORT_COLUMNS.get(sort, DEFAULT_SORT)
    order = "ASC" if direction.lower() == "asc" else "DESC"
    return (
        "SELECT client_id, name, redirect_uris, grant_types, created_at, last_used_at "
        f"FROM oauth_clients WHERE {' AND '.join(clauses)} "
        f"ORDER BY {column} {order} LIMIT {PAGE_LIMIT}"
    )


def serialise(row) -> dict:
    return {
        "client_id": row["client_id"],
        "name": row["name"],
        "redirect_uris": list(row["redirect_uris"]),
        "grant_types": list(row["grant_types"]),
        "created_at": row["created_at"].isoformat(),
        "last_used_at": row["last_used_at"].isoformat() if row["last_used_at"] else None,
    }


async def list_clients(request):
    tenant_id = request.state.tenant_id
    sort = request.query_params.get("sort", DEFAULT_SORT)
    direction = request.query_params.get("dir", "desc")
    search = request.query_params.get("q", "").strip()

    query = build_listing_query(sort, direction, search)
    args = [tenant_id] + ([f"%{search}%"] if search else [])
    async with request.app.state.pool.acquire() as conn:
        try:
            rows = await conn.fetch(query, *args)
        except asyncpg.PostgresError as exc:
            log.warning("client listing failed: %s", exc)
            return JSONResponse({"error": "query failed"}, status_code=400)
    return JSONResponse({"clients": [serialise(r) for r in rows]})


async def startup():
    app.state.pool = await asyncpg.create_pool(os.environ["REGISTRY_DSN"], min_size=1, max_size=10)


async def shutdown():
    await app.state.pool.close()


app = Starlette(
    routes=[Route("/v1/oauth/clients", list_clients)],
    on_startup=[startup],
    on_shutdown=[shutdown],
)
app.add_middleware(TenantAuthMiddleware, required_role="admin")
