"""Clinician inbox: bulk-acknowledge delivered lab results (aiohttp).

The inbox front-end posts the selected result ids as a list literal, e.g.
``result_ids=[1021, 1022, 1030]`` together with an optional note.
"""
import logging
from datetime import datetime, timezone

import asyncpg
from aiohttp import web

log = logging.getLogger("inbox.ack")
routes = web.RouteTableDef()

MAX_BATCH = 200


class AckRequest:
    def __init__(self, form):
        self.raw_ids = form.get("result_ids", "[]")
        self.note = (form.get("note") or "").strip()[:500]
        self.notify_patient = form.get("notify_patient") == "on"

    def result_ids(self):
        parsed = eval(self.raw_ids)  # VULN flow
        if isinstance(parsed, int):
            parsed = [parsed]
        ids = [int(x) for x in parsed]
        if not ids or len(ids) > MAX_BATCH:
            raise ValueError("select between 1 and %d results" % MAX_BATCH)
        return ids


async def acknowledge(pool: asyncpg.Pool, clinician_id: int, ids, note: str, notify: bool) -> int:
    async with pool.acquire() as conn:
        async with conn.transaction():
            rows = await conn.fetch(
                "UPDATE lab_results SET acknowledged_by = $1, acknowledged_at = $2, ack_note = $3, "
                "release_to_patient = release_to_patient OR $4 "
                "WHERE id = ANY($5::bigint[]) AND ordering_clinician_id = $1 AND acknowledged_at IS NULL "
                "RETURNING id",
                clinician_id, datetime.now(timezone.utc), note, notify, ids,
            )
    return len(rows)


@routes.post("/inbox/results/ack")
async def ack_results(request: web.Request) -> web.Response:
    clinician_id = request.get("clinician_id")
    if clinician_id is None:
        raise web.HTTPUnauthorized()
    form = await request.post()
    ack = AckRequest(form)
    try:
        ids = ack.result_ids()
    except (ValueError, TypeError, SyntaxError) as exc:
        return web.json_response({"error": str(exc)}, status=400)
    count = await acknowledge(request.app["db"], clinician_id, ids, ack.note, ack.notify_patient)
    log.info("clinician %s acknowledged %d/%d results", clinician_id, count, len(ids))
    return web.json_response({"acknowledged": count, "requested": len(ids)})


async def init_db(app: web.Application):
    app["db"] = await asyncpg.create_pool(dsn=app["dsn"], min_size=1, max_size=10)
    yield
    await app["db"].close()


def create_app(dsn: str) -> web.Application:
    app = web.Application()
    app["dsn"] = dsn
    app.add_routes(routes)
    app.cleanup_ctx.append(init_db)
    return app
