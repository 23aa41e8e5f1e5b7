"""Telemetry ingest for the delivery fleet's on-board units."""
import json
import logging
import re
import time
import zlib

from aiohttp import web

log = logging.getLogger("fleet.ingest")
routes = web.RouteTableDef()

MAX_BATCH_BYTES = 2 * 1024 * 1024
VEHICLE_ID_RE = re.compile(r"^[A-Z0-9-]{3,20}$")
SAMPLE_FIELDS = {"ts": (int, float), "lat": (int, float), "lon": (int, float), "speed": (int, float)}


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
    inflater = zlib.decompressobj()
    raw = inflater.decompress(payload, MAX_BATCH_BYTES * 4)
    if inflater.unconsumed_tail:
        raise ValueError("batch too large")
    batch = json.loads(raw)
    if not isinstance(batch, list):
        raise ValueError("batch must be a list")
    for sample in batch:
        if not isinstance(sample, dict) or any(
                not isinstance(sample.get(k), t) for k, t in SAMPLE_FIELDS.items()):
            raise ValueError("malformed sample")
    return batch


@routes.post("/v1/vehicles/{vehicle_id}/telemetry")
async def ingest(request):
    vehicle_id = request.match_info["vehicle_id"]
    if not VEHICLE_ID_RE.fullmatch(vehicle_id):
        raise web.HTTPBadRequest(text="invalid vehicle id")
    if request.content_length and request.content_length > MAX_BATCH_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BATCH_BYTES,
                                            actual_size=request.content_length)
    body = await request.read()
    try:
        batch = decode_batch(body)
    except (zlib.error, ValueError):
        raise web.HTTPBadRequest(text="payload is not a valid telemetry batch")
    log.info(f"received {len(batch)} samples from vehicle {vehicle_id}")
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
