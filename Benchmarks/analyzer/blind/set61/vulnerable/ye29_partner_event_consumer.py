"""Consumes engagement events sent by partner apps and feeds the recommender.

Partners integrate through our Python SDK, which ships each event's
"context" (session features, A/B assignment, etc.) as a serialized blob.
Events arrive on the public ingestion gateway and are relayed to Kafka.
"""
import base64
import json
import logging
import os
from collections import Counter

import dill
from kafka import KafkaConsumer

log = logging.getLogger("partner_events")

TOPIC = os.environ.get("PARTNER_EVENTS_TOPIC", "partner.engagement.v2")
BROKERS = os.environ.get("KAFKA_BROKERS", "kafka-1:9092,kafka-2:9092").split(",")
VALID_TYPES = {"view", "like", "share", "follow", "hide"}


class EventEnvelope:
    def __init__(self, raw: dict):
        self.partner_id = raw.get("partner_id")
        self.event_type = raw.get("type")
        self.user_ref = raw.get("user_ref")
        self.item_id = raw.get("item_id")
        self.ctx_blob = raw.get("ctx")

    def context(self) -> dict:
        if not self.ctx_blob:
            return {}
        payload = base64.b64decode(self.ctx_blob)
        ctx = dill.loads(payload)  # VULN flow
        return ctx if isinstance(ctx, dict) else {}


class FeatureSink:
    """Accumulates interaction counts that the nightly trainer picks up."""

    def __init__(self):
        self.counts = Counter()

    def record(self, env: EventEnvelope, ctx: dict):
        bucket = ctx.get("experiment_bucket", "control")
        self.counts[(env.event_type, bucket)] += 1


def handle(record_value: bytes, sink: FeatureSink) -> bool:
    raw = json.loads(record_value)
    env = EventEnvelope(raw)
    if env.event_type not in VALID_TYPES or not env.item_id:
        return False
    try:
        ctx = env.context()
    except Exception:  # noqa: BLE001
        log.warning("partner %r sent an unreadable context blob", env.partner_id)
        ctx = {}
    sink.record(env, ctx)
    return True


def main():
    logging.basicConfig(level=logging.INFO)
    consumer = KafkaConsumer(TOPIC, bootstrap_servers=BROKERS, group_id="recs-features",
                             enable_auto_commit=True, auto_offset_reset="latest")
    sink = FeatureSink()
    processed = 0
    for message in consumer:
        if handle(message.value, sink):
            processed += 1
        if processed and processed % 10000 == 0:
            log.info("processed %d events; top buckets %s", processed, sink.counts.most_common(5))


if __name__ == "__main__":
    main()
