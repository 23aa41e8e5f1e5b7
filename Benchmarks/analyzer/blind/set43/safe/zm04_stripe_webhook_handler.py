"""Stripe webhook receiver for the billing service (FastAPI)."""
import logging
import os
from typing import Any, Dict

import stripe
from fastapi import FastAPI, Header, HTTPException, Request

logger = logging.getLogger("billing.webhooks")

stripe.api_key = os.environ["STRIPE_API_KEY"]
WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]

app = FastAPI(title="billing-webhooks")

HANDLERS: Dict[str, Any] = {}


def handles(event_type: str):
    def register(fn):
        HANDLERS[event_type] = fn
        return fn
    return register


@handles("invoice.paid")
def on_invoice_paid(obj: dict) -> None:
    customer = stripe.Customer.retrieve(obj["customer"])
    logger.info("invoice %s paid by %s", obj["id"], customer.get("email"))


@handles("customer.subscription.deleted")
def on_subscription_deleted(obj: dict) -> None:
    logger.info("subscription %s cancelled for %s", obj["id"], obj["customer"])


@handles("charge.dispute.created")
def on_dispute(obj: dict) -> None:
    charge = stripe.Charge.retrieve(obj["charge"])
    logger.warning("dispute opened on charge %s amount=%s", charge["id"], obj["amount"])


@app.post("/stripe/webhook")
async def stripe_webhook(request: Request, stripe_signature: str = Header(None)):
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(payload, stripe_signature, WEBHOOK_SECRET)
    except ValueError:
        raise HTTPException(status_code=400, detail="invalid payload")
    except stripe.error.SignatureVerificationError:
        raise HTTPException(status_code=400, detail="bad signature")

    handler = HANDLERS.get(event["type"])
    if handler is None:
        logger.debug("ignoring event type %s", event["type"])
        return {"received": True, "handled": False}

    try:
        handler(event["data"]["object"])
    except stripe.error.StripeError as exc:
        logger.error("stripe API error while handling %s: %s", event["id"], exc)
        raise HTTPException(status_code=502, detail="stripe api error")
    return {"received": True, "handled": True}
