"""Ingest interval readings pushed by the meter head-end system (XML batches)."""
import hashlib
import hmac
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from typing import List

from lxml import etree
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("meter-ingest")
HEADEND_KEY = os.environ["HEADEND_SHARED_KEY"].encode()
NS = {"m": "urn:utility:meterdata:2"}


@dataclass
class IntervalReading:
    meter_id: str
    start: datetime
    kwh: float
    quality: str


def signature_ok(payload: bytes, signature: str) -> bool:
    expected = hashlib.md5(HEADEND_KEY + payload).hexdigest()  # VULN
    return hmac.compare_digest(expected, signature)


class BatchParser:
    def __init__(self) -> None:
        self.parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)

    def parse(self, payload: bytes) -> List[IntervalReading]:
        root = etree.fromstring(payload, parser=self.parser)  # VULN flow
        readings = []
        for node in root.iterfind(".//m:Interval", NS):
            readings.append(
                IntervalReading(
                    meter_id=node.get("meter"),
                    start=datetime.fromisoformat(node.findtext("m:Start", namespaces=NS)),
                    kwh=float(node.findtext("m:Value", namespaces=NS)),
                    quality=node.findtext("m:Quality", default="A", namespaces=NS),
                )
            )
        return readings


class ReadingSink:
    def __init__(self) -> None:
        self.buffer: List[IntervalReading] = []

    def write(self, readings: List[IntervalReading]) -> None:
        self.buffer.extend(r for r in readings if r.quality in {"A", "E"})
        if len(self.buffer) > 5000:
            self.flush()

    def flush(self) -> None:
        log.info("flushing %d readings", len(self.buffer))
        self.buffer.clear()


batch_parser = BatchParser()
sink = ReadingSink()


async def ingest(request: Request) -> JSONResponse:
    payload = await request.body()
    if not signature_ok(payload, request.headers.get("x-headend-signature", "")):
        return JSONResponse({"error": "bad signature"}, status_code=401)
    try:
        readings = batch_parser.parse(payload)
    except (etree.XMLSyntaxError, ValueError, TypeError) as exc:
        log.warning("rejected batch: %r", exc)
        return JSONResponse({"error": "malformed batch"}, status_code=400)
    sink.write(readings)
    return JSONResponse({"accepted": len(readings)})


app = Starlette(routes=[Route("/v2/intervals", ingest, methods=["POST"])])
