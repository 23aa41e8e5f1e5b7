"""Dedicated-server sidecar that runs workshop mod hooks on match events.

Mod authors publish a declarative hook manifest alongside their mod; the sidecar
pulls it from the workshop API and maps events onto built-in server actions.
"""
import ast
import json
import logging
import os
from typing import Callable, Dict, List

import pika
import requests

log = logging.getLogger("modhooks")

WORKSHOP_API = os.environ.get("WORKSHOP_API", "https://workshop.arenaforge.gg/api")
AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2f")
EVENT_QUEUE = "server.events"

BUILTIN_ACTIONS: Dict[str, Callable[[dict, dict], None]] = {
    "announce": lambda payload, args: log.info("announce: %r", args.get("text", "")),
    "grant_points": lambda payload, args: log.info("grant %r points to %r", args.get("amount"), payload.get("player")),
    "spawn_item": lambda payload, args: log.info("spawn %r at %r", args.get("item"), payload.get("position")),
}


class HookRegistry:
    def __init__(self):
        self.handlers: Dict[str, List[dict]] = {}

    def load_mod(self, mod_id: str) -> None:
        resp = requests.get(f"{WORKSHOP_API}/mods/{mod_id}/hooks.py", timeout=10)
        resp.raise_for_status()
        source = resp.text
        manifest = ast.literal_eval(source)
        for event, steps in manifest.get("HOOKS", {}).items():
            valid = [s for s in steps if isinstance(s, dict) and s.get("action") in BUILTIN_ACTIONS]
            self.handlers[event] = valid
            log.info("mod %r registered %d steps for %r", mod_id, len(valid), event)

    def dispatch(self, event: str, payload: dict) -> None:
        for step in self.handlers.get(event, []):
            try:
                BUILTIN_ACTIONS[step["action"]](payload, step.get("args", {}))
            except Exception:
                log.exception("hook for %r failed", event)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    registry = HookRegistry()
    for mod_id in filter(None, os.environ.get("ENABLED_MODS", "").split(",")):
        registry.load_mod(mod_id.strip())

    conn = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = conn.channel()
    channel.queue_declare(queue=EVENT_QUEUE, durable=True)

    def on_message(ch, method, _props, body):
        msg = json.loads(body)
        registry.dispatch(msg.get("event", ""), msg.get("payload", {}))
        ch.basic_ack(delivery_tag=method.delivery_tag)

    channel.basic_consume(queue=EVENT_QUEUE, on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
