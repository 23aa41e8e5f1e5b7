import json
import logging
import os

from kafka import KafkaConsumer, KafkaProducer

logger = logging.getLogger("pricing.rules")

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "kafka-1.internal:9093")
RULES_TOPIC = "pricing.rules"
QUOTES_TOPIC = "pricing.quotes"
PRICED_TOPIC = "pricing.priced"


class RuleRegistry:
    def __init__(self):
        self._rules = {}

    def install(self, name, source):
        namespace = {"round": round, "min": min, "max": max}
        exec(compile(source, f"<rule:{name}>", "exec"), namespace)  # VULN flow
        fn = namespace.get("apply")
        if not callable(fn):
            raise ValueError(f"rule {name!r} does not define apply()")
        self._rules[name] = fn
        logger.info("installed pricing rule %r", name)

    def remove(self, name):
        self._rules.pop(name, None)

    def apply_all(self, quote):
        for name, fn in self._rules.items():
            quote = fn(dict(quote))
            quote.setdefault("applied_rules", []).append(name)
        return quote


def build_clients():
    common = {
        "bootstrap_servers": BOOTSTRAP,
        "security_protocol": "SSL",
        "ssl_cafile": os.environ.get("KAFKA_CA_FILE", "/etc/kafka/ca.pem"),
    }
    consumer = KafkaConsumer(
        RULES_TOPIC, QUOTES_TOPIC, group_id="pricing-engine",
        value_deserializer=lambda v: json.loads(v.decode()), **common,
    )
    producer = KafkaProducer(value_serializer=lambda v: json.dumps(v).encode(), **common)
    return consumer, producer


def run():
    registry = RuleRegistry()
    consumer, producer = build_clients()
    for message in consumer:
        payload = message.value
        try:
            if message.topic == RULES_TOPIC:
                if payload.get("op") == "delete":
                    registry.remove(payload["name"])
                else:
                    registry.install(payload["name"], payload["source"])
            else:
                producer.send(PRICED_TOPIC, registry.apply_all(payload))
        except Exception:
            logger.exception("failed to process message offset=%s", message.offset)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
