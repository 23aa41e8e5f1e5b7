"""Fans out locker/door sensor events to member-configured webhooks
("ping my Slack when my locker is opened"). Consumes from RabbitMQ.

The last delivery status and response body are stored so members can
debug their integration from the settings page.
"""
import hashlib
import hmac
import json
import logging
import os
from urllib.parse import urlparse

import pika
import psycopg2
import requests

log = logging.getLogger("webhook-relay")

DELIVERY_TIMEOUT = 5
QUEUE = "sensors.locker_events"
ALLOWED_HOOK_HOSTS = {
    "hooks.slack.com",
    "discord.com",
    "discordapp.com",
    "outlook.office.com",
    "maker.ifttt.com",
}


def check_target(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOOK_HOSTS:
        raise ValueError("webhook host not supported")
    if parsed.port not in (None, 443):
        raise ValueError("webhook port not supported")
    return url


class SubscriptionStore:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)
        self.conn.autocommit = True

    def for_locker(self, locker_id: str) -> list:
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT id, member_id, target_url, signing_secret FROM webhook_subscriptions "
                "WHERE locker_id = %s AND enabled",
                (locker_id,),
            )
            return cur.fetchall()

    def record_delivery(self, sub_id: int, status: int, body: str) -> None:
        with self.conn.cursor() as cur:
            cur.execute(
                "UPDATE webhook_subscriptions SET last_status = %s, last_response = %s, "
                "last_delivery_at = now() WHERE id = %s",
                (status, body, sub_id),
            )


def deliver(subscription, event: dict):
    sub_id, member_id, target_url, secret = subscription
    target_url = check_target(target_url)
    body = json.dumps({
        "type": "locker." + event["kind"],
        "locker": event["locker_id"],
        "at": event["ts"],
        "member": member_id,
    })
    sig = hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()
    resp = requests.post(
        target_url,
        data=body,
        headers={"Content-Type": "application/json", "X-WM-Signature": sig},
        timeout=DELIVERY_TIMEOUT,
        allow_redirects=False,
    )
    return resp.status_code, resp.text[:2000]


def make_callback(store: SubscriptionStore):
    def on_message(ch, method, _props, raw):
        try:
            event = json.loads(raw)
            for sub in store.for_locker(event["locker_id"]):
                try:
                    status, text = deliver(sub, event)
                except ValueError as exc:
                    status, text = 0, str(exc)
                except requests.RequestException as exc:
                    status, text = 0, str(exc)[:2000]
                store.record_delivery(sub[0], status, text)
        except (KeyError, ValueError):
            log.warning("discarding malformed event")
        ch.basic_ack(delivery_tag=method.delivery_tag)
    return on_message


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    store = SubscriptionStore(os.environ["RELAY_DSN"])
    conn = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
    channel = conn.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(queue=QUEUE, on_message_callback=make_callback(store))
    channel.start_consuming()


if __name__ == "__main__":
    main()
