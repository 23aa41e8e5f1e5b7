"""Consumes decoded SNMP traps from the trap receiver queue and raises link events."""
import json
import logging
import os
import time

import redis

log = logging.getLogger("trapd.consumer")

REDIS_URL = os.environ.get("TRAPD_REDIS_URL", "redis://localhost:6379/2")
TRAP_QUEUE = "traps:incoming"
EVENT_QUEUE = "events:outgoing"

LINK_DOWN = "1.3.6.1.6.3.1.1.5.3"
LINK_UP = "1.3.6.1.6.3.1.1.5.4"
IF_INDEX_OID = "1.3.6.1.2.1.2.2.1.1"


def coerce_value(raw):
    """Varbinds arrive as text; turn numbers and structured values back into Python objects."""
    if not isinstance(raw, str):
        return raw
    text = raw.strip()
    if text[:1] in ("[", "{", "(") or text.lstrip("-").isdigit():
        try:
            return eval(text)  # VULN flow
        except Exception:
            log.debug("could not coerce %r", text)
    return raw


class TrapProcessor:
    def __init__(self, client):
        self.client = client
        self.processed = 0

    def decode(self, message):
        trap = json.loads(message)
        varbinds = trap.get("varbinds", {})
        trap["varbinds"] = {oid: coerce_value(val) for oid, val in varbinds.items()}
        return trap

    def to_event(self, trap):
        oid = trap.get("trap_oid")
        if oid not in (LINK_DOWN, LINK_UP):
            return None
        return {
            "source": trap.get("agent_addr"),
            "kind": "link_down" if oid == LINK_DOWN else "link_up",
            "if_index": trap["varbinds"].get(IF_INDEX_OID),
            "received": trap.get("ts", time.time()),
        }

    def run(self):
        while True:
            item = self.client.blpop(TRAP_QUEUE, timeout=5)
            if item is None:
                continue
            _, message = item
            try:
                event = self.to_event(self.decode(message))
            except (ValueError, KeyError) as exc:
                log.warning("dropping malformed trap: %r", exc)
                continue
            self.processed += 1
            if event:
                self.client.rpush(EVENT_QUEUE, json.dumps(event))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    TrapProcessor(redis.Redis.from_url(REDIS_URL)).run()
