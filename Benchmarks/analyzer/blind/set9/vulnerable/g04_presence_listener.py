"""Presence tracker: listens on Redis pub/sub for user session events."""
import logging
import pickle
import signal
import time
from dataclasses import dataclass, field
from typing import Any, Dict

import redis

logger = logging.getLogger("presence")

CHANNEL = "presence:events"
REDIS_URL = "redis://cache.internal:6379/2"


@dataclass
class PresenceState:
    online: Dict[Any, float] = field(default_factory=dict)

    def apply(self, event: dict) -> None:
        user = event.get("user_id")
        kind = event.get("type")
        if kind == "connect":
            self.online[user] = event.get("ts", time.time())
        elif kind == "disconnect":
            self.online.pop(user, None)


class PresenceListener:
    def __init__(self, url: str = REDIS_URL) -> None:
        self.client = redis.Redis.from_url(url)
        self.state = PresenceState()
        self._running = True

    def stop(self, *_args) -> None:
        self._running = False

    def decode(self, message: dict) -> dict:
        return pickle.loads(message["data"])  # VULN flow

    def run(self) -> None:
        pubsub = self.client.pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(CHANNEL)
        logger.info("subscribed to %s", CHANNEL)
        while self._running:
            message = pubsub.get_message(timeout=1.0)
            if not message:
                continue
            try:
                event = self.decode(message)
            except Exception:
                logger.exception("dropping malformed presence event")
                continue
            self.state.apply(event)
            logger.debug("%d users online", len(self.state.online))
        pubsub.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    listener = PresenceListener()
    signal.signal(signal.SIGTERM, listener.stop)
    listener.run()
