"""Consumes presence events from the conferencing SFU and records them.

Messages look like:
    {"room": "design-sync", "user": "alice", "display_name": "Alice B", "event": "join"}
They come straight from client signalling, relayed by the SFU.
"""
import json
import logging
import os
from datetime import datetime, timezone

import pika

log = logging.getLogger("presence")
audit = logging.getLogger("presence.audit")

EXCHANGE = "sfu.presence"
QUEUE = "presence-recorder"


class PresenceTracker:
    def __init__(self):
        self.rooms = {}

    def apply(self, event: dict) -> int:
        members = self.rooms.setdefault(event["room"], set())
        if event["event"] == "join":
            members.add(event["user"])
        elif event["event"] == "leave":
            members.discard(event["user"])
        return len(members)


tracker = PresenceTracker()


def describe(event: dict) -> str:
    who = event.get("display_name") or event["user"]
    return f"{who} ({event['user']}) {event['event']} room {event['room']}"


def on_message(channel, method, properties, body):
    try:
        event = json.loads(body)
    except ValueError:
        log.warning("dropping non-JSON presence message (%d bytes)", len(body))
        channel.basic_ack(method.delivery_tag)
        return
    if event.get("event") not in {"join", "leave", "mute", "unmute"}:
        channel.basic_nack(method.delivery_tag, requeue=False)
        return
    count = tracker.apply(event)
    stamp = datetime.now(timezone.utc).isoformat()
    line = describe(event)
    audit.info("%s %s" % (stamp, line))  # VULN flow
    if count == 0:
        log.info(f"room {event['room']} is now empty")  # VULN flow
    channel.basic_ack(method.delivery_tag)


def main():
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
        filename=os.environ.get("PRESENCE_LOG", "/var/log/collab/presence.log"),
    )
    params = pika.URLParameters(os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F"))
    conn = pika.BlockingConnection(params)
    ch = conn.channel()
    ch.exchange_declare(EXCHANGE, exchange_type="fanout", durable=True)
    ch.queue_declare(QUEUE, durable=True)
    ch.queue_bind(QUEUE, EXCHANGE)
    ch.basic_qos(prefetch_count=50)
    ch.basic_consume(QUEUE, on_message)
    try:
        ch.start_consuming()
    except KeyboardInterrupt:
        ch.stop_consuming()
    finally:
        conn.close()


if __name__ == "__main__":
    main()
