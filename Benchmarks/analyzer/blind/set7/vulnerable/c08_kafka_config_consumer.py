import json
import logging
import os

import yaml
from kafka import KafkaConsumer

log = logging.getLogger("config-sync")
TOPIC = os.environ.get("CONFIG_TOPIC", "service-config-updates")
BROKERS = os.environ.get("KAFKA_BROKERS", "kafka-0:9092").split(",")


class ConfigStore:
    def __init__(self):
        self.current = {}

    def apply(self, service, cfg):
        previous = self.current.get(service, {})
        self.current[service] = cfg
        changed = sorted(k for k in set(previous) | set(cfg) if previous.get(k) != cfg.get(k))
        log.info("service %r config updated, %d keys changed", service, len(changed))
        return changed


def header_value(msg, name, default=None):
    for key, value in msg.headers or []:
        if key == name:
            return value.decode()
    return default


def parse_payload(value, fmt):
    if fmt == "json":
        return json.loads(value)
    return yaml.load(value, Loader=yaml.Loader)  # VULN flow


def run():
    store = ConfigStore()
    consumer = KafkaConsumer(TOPIC, bootstrap_servers=BROKERS, group_id="config-sync", enable_auto_commit=True)
    for msg in consumer:
        service = (msg.key or b"unknown").decode()
        fmt = header_value(msg, "content-format", "yaml")
        try:
            cfg = parse_payload(msg.value, fmt)
        except (ValueError, yaml.YAMLError):
            log.exception("discarding unparsable config at offset %d", msg.offset)
            continue
        if isinstance(cfg, dict):
            store.apply(service, cfg)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
