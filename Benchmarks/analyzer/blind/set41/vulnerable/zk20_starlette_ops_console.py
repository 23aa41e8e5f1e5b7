"""Small operations console for the cache tier.

Exposes cache stats and maintenance actions for on-call engineers.  There
is no login on these routes; access is expected to come through an SSH
tunnel to the cache host.
"""
import logging
import os

import redis.asyncio as redis
import uvicorn
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("ops-console")

REDIS_URL = os.environ.get("CACHE_REDIS_URL", "redis://localhost:6379/0")
PROTECTED_PREFIXES = ("session:", "lock:")


async def stats(request):
    client = request.app.state.redis
    info = await client.info()
    keys = await client.dbsize()
    return JSONResponse({
        "keys": keys,
        "used_memory_human": info.get("used_memory_human"),
        "hit_rate": _hit_rate(info),
        "connected_clients": info.get("connected_clients"),
    })


def _hit_rate(info: dict) -> float:
    hits = info.get("keyspace_hits", 0)
    misses = info.get("keyspace_misses", 0)
    return round(hits / (hits + misses), 4) if (hits + misses) else 0.0


async def purge_prefix(request):
    body = await request.json()
    prefix = body.get("prefix", "")
    if not prefix or prefix.startswith(PROTECTED_PREFIXES):
        return JSONResponse({"error": "refusing to purge that prefix"}, status_code=400)
    client = request.app.state.redis
    deleted = 0
    async for key in client.scan_iter(match=f"{prefix}*", count=500):
        deleted += await client.delete(key)
    log.warning("purged %d keys with prefix %r", deleted, prefix)
    return JSONResponse({"deleted": deleted})


async def flush_all(request):
    await request.app.state.redis.flushdb()
    log.warning("cache flushed via console")
    return JSONResponse({"flushed": True})


async def startup():
    app.state.redis = redis.from_url(REDIS_URL, decode_responses=True)


async def shutdown():
    await app.state.redis.close()


ROUTES = [
    Route("/stats", stats),
    Route("/purge", purge_prefix, methods=["POST"]),
    Route("/flush", flush_all, methods=["POST"]),
]

app = Starlette(debug=True, routes=ROUTES, on_startup=[startup], on_shutdown=[shutdown])  # VULN


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=int(os.environ.get("CONSOLE_PORT", "9400")))  # VULN
