import json
import logging
import os
from dataclasses import dataclass, field

import paho.mqtt.client as mqtt

logger = logging.getLogger("home.rules")

BROKER_HOST = os.environ.get("MQTT_HOST", "localhost")
ACTION_PREFIX = "home/actions/"


@dataclass
class Rule:
    rule_id: str
    condition: str
    action_topic: str
    action_payload: dict = field(default_factory=dict)


class RuleEngine:
    def __init__(self, client):
        self.client = client
        self.rules = {}
        self.state = {}

    def register(self, raw):
        data = json.loads(raw)
        topic = str(data["then"]["topic"])
        if not topic.startswith(ACTION_PREFIX):
            raise ValueError("action topic outside home/actions/")
        rule = Rule(
            rule_id=str(data["id"]),
            condition=str(data["when"]),
            action_topic=topic,
            action_payload=data["then"].get("payload", {}),
        )
        self.rules[rule.rule_id] = rule
        logger.info("rule registered id=%r", rule.rule_id)

    def update_state(self, device, raw):
        reading = json.loads(raw)
        for key, value in reading.items():
            if isinstance(value, (int, float, bool, str)):
                self.state[f"{device}_{key}"] = value
        self.evaluate()

    def _matches(self, rule):
        return bool(eval(rule.condition, {"__builtins__": {}}, dict(self.state)))  # VULN flow

    def evaluate(self):
        for rule in list(self.rules.values()):
            try:
                matched = self._matches(rule)
            except Exception:
                logger.warning("rule %r could not be evaluated", rule.rule_id)
                continue
            if matched:
                self.client.publish(rule.action_topic, json.dumps(rule.action_payload), qos=1)


def on_message(client, engine, msg):
    try:
        if msg.topic == "home/rules/set":
            engine.register(msg.payload)
        elif msg.topic.startswith("home/sensors/"):
            device = msg.topic.rsplit("/", 1)[-1].replace("-", "_")
            engine.update_state(device, msg.payload)
    except (ValueError, KeyError, TypeError):
        logger.warning("dropping malformed message on %r", msg.topic)


def main():
    client = mqtt.Client(client_id="rule-engine")
    client.username_pw_set(os.environ["MQTT_USER"], os.environ["MQTT_PASSWORD"])
    client.tls_set()
    engine = RuleEngine(client)
    client.user_data_set(engine)
    client.on_message = on_message
    client.connect(BROKER_HOST, 8883)
    client.subscribe([("home/rules/set", 1), ("home/sensors/+", 0)])
    client.loop_forever()


if __name__ == "__main__":
    main()
