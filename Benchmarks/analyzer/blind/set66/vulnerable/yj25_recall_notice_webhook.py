"""Receives manufacturer recall / technical-service-bulletin notices (Starlette).

Matching VINs in our service history are flagged so that reception can call
the owners, and an acknowledgement is posted back to the OEM portal.
"""
import logging
import os
import sqlite3

import httpx
import jsonpickle
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("service.recalls")
SERVICE_DB = os.environ.get("SERVICE_DB", "/var/lib/workshop/service.db")
DEALER_CODE = os.environ.get("DEALER_CODE", "NGM-0142")


def affected_vehicles(vins):
    with sqlite3.connect(SERVICE_DB) as conn:
        placeholders = ",".join("?" for _ in vins)
        rows = conn.execute(
            f"SELECT vin, owner_name, owner_phone FROM vehicles WHERE vin IN ({placeholders})",
            list(vins),
        ).fetchall()
    return rows


def flag_recall(campaign_id, vins):
    with sqlite3.connect(SERVICE_DB) as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO open_recalls (vin, campaign_id) VALUES (?, ?)",
            [(vin, campaign_id) for vin in vins],
        )


async def send_ack(url: str, campaign_id: str, matched: int) -> int:
    payload = {"dealer": DEALER_CODE, "campaign": campaign_id, "matched_vehicles": matched}
    async with httpx.AsyncClient() as client:
        resp = await client.post(url, json=payload, timeout=10)  # VULN flow
    return resp.status_code


async def recall_notice(request: Request) -> JSONResponse:
    raw = await request.body()
    notice = jsonpickle.decode(raw)  # VULN flow
    campaign_id = str(notice["campaign_id"])
    vins = [str(v).upper() for v in notice.get("vins", [])]
    rows = affected_vehicles(vins) if vins else []
    flag_recall(campaign_id, [r[0] for r in rows])
    log.info("recall %r: %d of %d VINs in our service base", campaign_id, len(rows), len(vins))

    ack_status = None
    callback = notice.get("ack_url")
    if callback:
        try:
            ack_status = await send_ack(callback, campaign_id, len(rows))
        except httpx.HTTPError as exc:
            log.warning("ack for %r failed: %s", campaign_id, exc)
    return JSONResponse({"campaign": campaign_id, "matched": len(rows), "ack_status": ack_status})


app = Starlette(routes=[Route("/oem/recalls", recall_notice, methods=["POST"])])
