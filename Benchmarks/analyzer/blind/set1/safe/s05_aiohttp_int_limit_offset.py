from aiohttp import web


async def recent_events(request):
    try:
        limit = int(request.query.get("limit", "50"))
        offset = int(request.query.get("offset", "0"))
    except ValueError:
        raise web.HTTPBadRequest(text="limit and offset must be integers")
    limit = max(1, min(limit, 500))
    sql = f"SELECT id, kind FROM events ORDER BY created_at DESC LIMIT {limit} OFFSET {offset}"
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(sql)
    return web.json_response([{"id": r["id"], "kind": r["kind"]} for r in rows])


app = web.Application()
app.router.add_get("/events", recent_events)
