"""Edge gateway that accepts XML telemetry from greenhouse sensors and
forwards normalised readings to the cloud ingestion API."""
import asyncio
import hmac
import logging
import os
import sqlite3

import aiohttp
from aiohttp import web
from lxml import etree

log = logging.getLogger("gateway")

INGEST_URL = os.environ.get("INGEST_URL", "https://ingest.greenhouse-cloud.io/v1/readings")
CLOUD_API_TOKEN = "gh_live_7d1f0c9a4be2463f8a55c1d90e3b7a21"  # VULN
DEVICE_KEYS = {}
BUFFER_DB = sqlite3.connect(os.environ.get("GATEWAY_BUFFER_DB", "/var/lib/gateway/buffer.db"),
                            check_same_thread=False)


def load_device_keys(path="/etc/gateway/devices.conf"):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                device_id, key = line.strip().split(":", 1)
                DEVICE_KEYS[device_id] = key


def parse_reading(body: bytes) -> dict:
    root = etree.fromstring(body, parser=etree.XMLParser(load_dtd=True, resolve_entities=True))  # VULN
    return {
        "device": root.findtext("device"),
        "temperature": float(root.findtext("temperature") or "nan"),
        "humidity": float(root.findtext("humidity") or "nan"),
        "note": root.findtext("note") or "",
    }


def buffer_reading(reading):
    sql = (
        "INSERT INTO pending_readings (device, temperature, humidity, note) "
        f"VALUES ('{reading['device']}', {reading['temperature']}, {reading['humidity']}, '{reading['note']}')"
    )
    BUFFER_DB.execute(sql)  # VULN flow
    BUFFER_DB.commit()


async def forward(app, reading):
    headers = {"Authorization": f"Bearer {CLOUD_API_TOKEN}"}
    async with app["http"].post(INGEST_URL, json=reading, headers=headers) as resp:
        if resp.status >= 400:
            log.warning("ingest rejected reading from %r: %s", reading["device"], resp.status)


async def handle_telemetry(request):
    device_id = request.headers.get("X-Device-Id", "")
    token = request.headers.get("X-Device-Key", "")
    expected = DEVICE_KEYS.get(device_id)
    if expected is None or not hmac.compare_digest(expected, token):
        raise web.HTTPUnauthorized()
    body = await request.read()
    try:
        reading = parse_reading(body)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.info("bad telemetry from %r: %s", device_id, exc)
        raise web.HTTPBadRequest(text="malformed reading")
    buffer_reading(reading)
    asyncio.create_task(forward(request.app, reading))
    return web.json_response({"accepted": True, "echo": reading})


async def on_startup(app):
    app["http"] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))


async def on_cleanup(app):
    await app["http"].close()


def create_app():
    load_device_keys()
    BUFFER_DB.execute("CREATE TABLE IF NOT EXISTS pending_readings "
                      "(device TEXT, temperature REAL, humidity REAL, note TEXT)")
    app = web.Application(client_max_size=256 * 1024)
    app.router.add_post("/telemetry", handle_telemetry)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8088)
