"""Pushes amended TAFs to subscribed partners (ground handlers, FBOs, charter
operators). Partners register a callback URL through the developer portal;
subscriptions live in Postgres and TAF amendments arrive on Kafka.
"""
import hashlib
import hmac
import json
import logging
import os
from urllib.parse import urlsplit

import psycopg2
import psycopg2.extras
import requests
from kafka import KafkaConsumer

log = logging.getLogger("taf.webhooks")

TOPIC = "wx.taf.amended"
DSN = os.environ.get("WEBHOOK_DSN", "dbname=webhooks")
DELIVERY_TIMEOUT = 5
# domains vetted during partner onboarding
PARTNER_DOMAINS = tuple(
    d.strip().lower() for d in os.environ.get("WEBHOOK_PARTNER_DOMAINS", "").split(",") if d.strip()
)


def subscriptions_for(conn, station):
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            "SELECT id, partner, callback_url, secret FROM taf_subscriptions "
            "WHERE active AND %s = ANY(stations)",
            (station,),
        )
        return cur.fetchall()


def sign(secret, body):
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def callback_allowed(url):
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.port not in (None, 443) or not host:
        return False
    return any(host == d or host.endswith("." + d) for d in PARTNER_DOMAINS)


def deliver(sub, taf):
    body = json.dumps({"type": "taf.amended", "station": taf["station"],
                       "issued": taf["issued"], "text": taf["raw"]}).encode()
    target = sub["callback_url"]
    if not callback_allowed(target):
        raise ValueError("callback host not on partner allow-list")
    headers = {"Content-Type": "application/json",
               "X-Signature-SHA256": sign(sub["secret"], body)}
    resp = requests.post(target, data=body, headers=headers, timeout=DELIVERY_TIMEOUT,
                         allow_redirects=False)
    log.info("delivered TAF %r to sub %s: HTTP %s", taf["station"], sub["id"], resp.status_code)
    return resp.status_code < 300


def record_failure(conn, sub_id, reason):
    with conn, conn.cursor() as cur:
        cur.execute(
            "UPDATE taf_subscriptions SET failures = failures + 1, last_error = %s WHERE id = %s",
            (reason[:500], sub_id),
        )


def main():
    logging.basicConfig(level=logging.INFO)
    conn = psycopg2.connect(DSN)
    consumer = KafkaConsumer(
        TOPIC,
        bootstrap_servers=os.environ.get("KAFKA_BROKERS", "localhost:9092").split(","),
        group_id="taf-webhooks",
        value_deserializer=lambda v: json.loads(v.decode("utf-8")),
    )
    for message in consumer:
        taf = message.value
        for sub in subscriptions_for(conn, taf["station"]):
            try:
                if not deliver(sub, taf):
                    record_failure(conn, sub["id"], "non-2xx response")
            except (requests.RequestException, ValueError) as exc:
                record_failure(conn, sub["id"], repr(exc))


if __name__ == "__main__":
    main()
