"""Deliver outbound event webhooks to tenant-configured endpoints."""
import asyncio
import hashlib
import hmac
import json
import logging
import os
import time
from dataclasses import dataclass

import asyncpg
import httpx

log = logging.getLogger("webhooks.relay")

BATCH_SIZE = 50


@dataclass
class Delivery:
    id: int
    tenant_id: int
    target_url: str
    secret: str
    event: dict


async def claim_batch(conn):
    rows = await conn.fetch(
        "UPDATE webhook_deliveries d SET state = 'sending', attempts = d.attempts + 1 "
        "FROM webhook_subscriptions s WHERE s.id = d.subscription_id AND d.id IN ("
        "SELECT id FROM webhook_deliveries WHERE state = 'pending' ORDER BY id "
        "LIMIT $1 FOR UPDATE SKIP LOCKED) "
        "RETURNING d.id, s.tenant_id, s.target_url, s.secret, d.payload",
        BATCH_SIZE,
    )
    return [
        Delivery(r["id"], r["tenant_id"], r["target_url"], r["secret"], json.loads(r["payload"]))
        for r in rows
    ]


def sign(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


async def deliver(client, delivery):
    body = json.dumps(delivery.event, separators=(",", ":")).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Webhook-Timestamp": timestamp,
        "X-Webhook-Signature": sign(delivery.secret, timestamp, body),
    }
    try:
        resp = await client.post(delivery.target_url, content=body, headers=headers, timeout=10.0)  # VULN flow
    except httpx.HTTPError as exc:
        log.warning("delivery %d failed: %s", delivery.id, type(exc).__name__)
        return False
    return 200 <= resp.status_code < 300


async def run_once(pool, client):
    async with pool.acquire() as conn:
        async with conn.transaction():
            batch = await claim_batch(conn)
        results = await asyncio.gather(*(deliver(client, d) for d in batch))
        for delivery, ok in zip(batch, results):
            await conn.execute(
                "UPDATE webhook_deliveries SET state = $1 WHERE id = $2",
                "delivered" if ok else "pending",
                delivery.id,
            )
    return len(batch)


async def main():
    logging.basicConfig(level=logging.INFO)
    pool = await asyncpg.create_pool(os.environ["WEBHOOK_DSN"])
    async with httpx.AsyncClient(follow_redirects=True) as client:
        while True:
            if await run_once(pool, client) == 0:
                await asyncio.sleep(2)


if __name__ == "__main__":
    asyncio.run(main())
