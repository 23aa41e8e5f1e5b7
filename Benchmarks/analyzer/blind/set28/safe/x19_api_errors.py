"""Shipping-quote API with centralised error handling."""
import logging
import os
import traceback
import uuid
from decimal import Decimal

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

app = FastAPI(title="shipping-quotes")
logger = logging.getLogger("quotes")

CARRIER_URL = "https://rates.carrier.example.com/v1/quote"
CARRIER_TIMEOUT = 8.0


class QuoteRequest(BaseModel):
    origin_zip: str = Field(pattern=r"^\d{5}$")
    dest_zip: str = Field(pattern=r"^\d{5}$")
    weight_kg: Decimal = Field(gt=0, le=70)


class Quote(BaseModel):
    carrier: str
    service: str
    price: Decimal
    transit_days: int


async def fetch_rates(req: QuoteRequest) -> list[Quote]:
    headers = {"Authorization": f"Bearer {os.environ['CARRIER_TOKEN']}"}
    body = {"from": req.origin_zip, "to": req.dest_zip, "weight": str(req.weight_kg)}
    async with httpx.AsyncClient(timeout=CARRIER_TIMEOUT) as client:
        resp = await client.post(CARRIER_URL, json=body, headers=headers)
        resp.raise_for_status()
    return [Quote(**item) for item in resp.json()["rates"]]


def error_payload(exc: Exception, request_id: str) -> dict:
    logger.debug("request %s trace: %r", request_id, "".join(traceback.format_exception(exc)))
    return {
        "request_id": request_id,
        "error": "internal server error",
        "detail": "An unexpected error occurred. Quote the request id when contacting support.",
    }


@app.exception_handler(Exception)
async def unhandled_error(request: Request, exc: Exception) -> JSONResponse:
    request_id = uuid.uuid4().hex
    logger.error("request %s to %r failed", request_id, request.url.path, exc_info=exc)
    payload = error_payload(exc, request_id)
    return JSONResponse(status_code=500, content=payload)


@app.post("/quotes", response_model=list[Quote])
async def quote(req: QuoteRequest) -> list[Quote]:
    rates = await fetch_rates(req)
    return sorted(rates, key=lambda q: (q.price, q.transit_days))


@app.get("/healthz")
async def healthz() -> dict:
    return {"status": "ok"}
