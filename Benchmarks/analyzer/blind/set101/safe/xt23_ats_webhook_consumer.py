"""RabbitMQ consumer for events relayed from partner job boards
(Indeed, LinkedIn, niche boards). The public webhook receiver just enqueues
raw request bodies; this worker decodes them and updates the ATS."""
import json
import logging
import os
from dataclasses import dataclass
from typing import Callable, Dict

import pika

from ats.services import applications, candidates

log = logging.getLogger("partner.events")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F")
QUEUE = "partner.webhooks"


@dataclass
class PartnerEvent:
    source: str
    kind: str
    payload: dict


def decode_event(body: bytes) -> PartnerEvent:
    obj = json.loads(body.decode("utf-8"))
    if not isinstance(obj, dict):
        raise ValueError("event must be a JSON object")
    return PartnerEvent(source=str(obj.get("source", "unknown")), kind=str(obj["type"]),
                        payload=dict(obj.get("data", {})))


def on_application_created(event: PartnerEvent) -> None:
    cand = candidates.upsert_by_email(event.payload["email"], name=event.payload.get("name"))
    applications.create(cand.id, event.payload["job_ref"], source=event.source)


def on_application_withdrawn(event: PartnerEvent) -> None:
    applications.withdraw_by_external_id(event.source, event.payload["application_id"])


HANDLERS: Dict[str, Callable[[PartnerEvent], None]] = {
    "application.created": on_application_created,
    "application.withdrawn": on_application_withdrawn,
}


def on_message(channel, method, properties, body: bytes) -> None:
    try:
        event = decode_event(body)
        handler = HANDLERS.get(event.kind)
        if handler is None:
            log.info("ignoring unsupported event kind %r from %r", event.kind, event.source)
        else:
            handler(event)
        channel.basic_ack(delivery_tag=method.delivery_tag)
    except (KeyError, ValueError, TypeError) as exc:
        log.warning("dropping malformed partner event: %s", exc)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    log.info("consuming %s", QUEUE)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
