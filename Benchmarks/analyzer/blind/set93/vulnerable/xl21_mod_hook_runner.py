"""Dedicated-server sidecar that runs workshop mod hooks on match events.

Mod authors publish hook scripts alongside their mod; the sidecar pulls the
hook source from the workshop API and runs it whenever a subscribed event fires.
"""
import json
import logging
import os
from typing import Callable, Dict

import pika
import requests

log = logging.getLogger("modhooks")

WORKSHOP_API = os.environ.get("WORKSHOP_API", "https://workshop.arenaforge.gg/api")
AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2f")
EVENT_QUEUE = "server.events"


class HookRegistry:
    def __init__(self):
        self.handlers: Dict[str, Callable] = {}

    def load_mod(self, mod_id: str) -> None:
        resp = requests.get(f"{WORKSHOP_API}/mods/{mod_id}/hooks.py", timeout=10)
        resp.raise_for_status()
        source = resp.text
        namespace = {"log": log, "__name__": f"mod_{mod_id}"}
        code = compile(source, f"<mod {mod_id}>", "exec")
        exec(code, namespace)  # VULN flow
        for event, fn in namespace.get("HOOKS", {}).items():
            self.handlers[event] = fn
            log.info("mod %r registered hook for %r", mod_id, event)

    def dispatch(self, event: str, payload: dict) -> None:
        fn = self.handlers.get(event)
        if fn is None:
            return
        try:
            fn(payload)
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
