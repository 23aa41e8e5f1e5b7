"""Telemetry ingest for the delivery fleet's on-board units."""
import logging
import pickle
import time
import zlib

from aiohttp import web

log = logging.getLogger("fleet.ingest")
routes = web.RouteTableDef()

MAX_BATCH_BYTES = 2 * 1024 * 1024


class TelemetryBuffer:
    def __init__(self):
        self.samples = {}

    def add(self, vehicle_id, batch):
        bucket = self.samples.setdefault(vehicle_id, [])
        bucket.extend(batch)
        del bucket[:-5000]

    def latest(self, vehicle_id):
        bucket = self.samples.get(vehicle_id) or []
        return bucket[-1] if bucket else None


def decode_batch(payload):
    raw = zlib.decompress(payload)
    return pickle.loads(raw)  # VULN flow


@routes.post("/v1/vehicles/{vehicle_id}/telemetry")
async def ingest(request):
    vehicle_id = request.match_info["vehicle_id"]
    if request.content_length and request.content_length > MAX_BATCH_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BATCH_BYTES,
                                            actual_size=request.content_length)
    body = await request.read()
    try:
        batch = decode_batch(body)
    except zlib.error:
        raise web.HTTPBadRequest(text="payload is not compressed")
    log.info(f"received {len(batch)} samples from vehicle {vehicle_id}")  # VULN flow
    request.app["buffer"].add(vehicle_id, batch)
    return web.json_response({"accepted": len(batch), "ts": time.time()})


@routes.get("/v1/vehicles/{vehicle_id}/latest")
async def latest(request):
    sample = request.app["buffer"].latest(request.match_info["vehicle_id"])
    if sample is None:
        raise web.HTTPNotFound()
    return web.json_response(sample)


def create_app():
    app = web.Application(client_max_size=MAX_BATCH_BYTES)
    app["buffer"] = TelemetryBuffer()
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8081)
