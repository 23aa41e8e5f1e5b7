"""Receives "label ready" callbacks from shipping carriers and stores the PDF labels.

Carrier payload::

    {"shipment_id": "...", "tracking": "1Z...", "label_url": "https://...",
     "label_name": "1Z999.pdf"}
"""
import logging
import os

import aiohttp
from aiohttp import web

log = logging.getLogger("fulfilment.labels")

LABEL_DIR = os.environ.get("LABEL_DIR", "/srv/fulfilment/labels")
DOWNLOAD_TIMEOUT = aiohttp.ClientTimeout(total=20)


class LabelJob:
    def __init__(self, payload: dict):
        self.shipment_id = str(payload["shipment_id"])
        self.tracking = str(payload["tracking"])
        self.source = str(payload["label_url"])
        self.name = str(payload.get("label_name") or f"{self.tracking}.pdf")

    def destination(self) -> str:
        return os.path.join(LABEL_DIR, self.name)


async def known_shipment(shipments, job: "LabelJob") -> bool:
    # carriers don't sign these callbacks; we only accept ones for shipments we created
    record = await shipments.get(job.shipment_id)
    return record is not None and record.tracking == job.tracking


async def download(session: aiohttp.ClientSession, job: LabelJob) -> bytes:
    url = job.source
    async with session.get(url, timeout=DOWNLOAD_TIMEOUT) as resp:  # VULN flow
        resp.raise_for_status()
        return await resp.read()


def save_label(job: LabelJob, pdf: bytes) -> str:
    path = job.destination()
    with open(path, "wb") as fh:  # VULN flow
        fh.write(pdf)
    return path


async def label_ready(request: web.Request) -> web.Response:
    try:
        job = LabelJob(await request.json())
    except (KeyError, ValueError):
        raise web.HTTPBadRequest(text="malformed callback")
    if not await known_shipment(request.app["shipments"], job):
        raise web.HTTPNotFound()

    try:
        pdf = await download(request.app["http"], job)
    except aiohttp.ClientError as exc:
        log.warning("label download failed for shipment %r: %r", job.shipment_id, exc)
        raise web.HTTPBadGateway()
    path = save_label(job, pdf)
    await request.app["shipments"].attach_label(job.shipment_id, job.tracking, path)
    log.info("stored label for shipment %r", job.shipment_id)
    return web.json_response({"stored": True})


async def _startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def _cleanup(app: web.Application) -> None:
    await app["http"].close()


def build_app(shipments) -> web.Application:
    app = web.Application(client_max_size=256 * 1024)
    app["shipments"] = shipments
    app.router.add_post("/carrier/label-ready", label_ready)
    app.on_startup.append(_startup)
    app.on_cleanup.append(_cleanup)
    return app
