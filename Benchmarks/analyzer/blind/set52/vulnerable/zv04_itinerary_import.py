"""Consumer that imports partner itineraries from the `itinerary.import` queue.

Tour operators push YAML itinerary documents through the partner gateway;
the gateway just forwards the raw body onto RabbitMQ.
"""
import json
import logging
import os

import pika
import yaml

log = logging.getLogger("itinerary_import")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "itinerary.import"
REQUIRED = ("booking_ref", "traveller", "segments")


class ItineraryError(ValueError):
    pass


def parse_itinerary(raw: bytes) -> dict:
    text = raw.decode("utf-8")
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict):
        raise ItineraryError("itinerary must be a mapping")
    missing = [k for k in REQUIRED if k not in doc]
    if missing:
        raise ItineraryError(f"missing fields: {', '.join(missing)}")
    return doc


def normalise(doc: dict) -> dict:
    segments = []
    for seg in doc["segments"]:
        segments.append({
            "type": seg.get("type", "flight"),
            "from": seg.get("from"),
            "to": seg.get("to"),
            "start": str(seg.get("start")),
            "end": str(seg.get("end")),
        })
    return {"ref": doc["booking_ref"], "traveller": doc["traveller"], "segments": segments}


def store(record: dict) -> None:
    out_dir = "/var/lib/itineraries"
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"{record['ref']}.json".replace("/", "_"))
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(record, fh, indent=2)


def on_message(channel, method, properties, body):
    try:
        record = normalise(parse_itinerary(body))
        store(record)
        log.info("imported itinerary %r with %d segments", record["ref"], len(record["segments"]))
        channel.basic_ack(delivery_tag=method.delivery_tag)
    except (ItineraryError, UnicodeDecodeError, yaml.YAMLError) as exc:
        log.warning("rejecting message: %s", exc)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main():
    logging.basicConfig(level=logging.INFO)
    conn = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = conn.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        conn.close()


if __name__ == "__main__":
    main()
