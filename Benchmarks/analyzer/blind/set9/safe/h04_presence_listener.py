"""Presence tracker: listens on Redis pub/sub for user session events."""
import json
import logging
import random
import signal
import time
from dataclasses import dataclass, field
from typing import Dict

import redis

logger = logging.getLogger("presence")

CHANNEL = "presence:events"
REDIS_URL = "redis://cache.internal:6379/2"


@dataclass
class PresenceState:
    online: Dict[int, float] = field(default_factory=dict)

    def apply(self, event: dict) -> None:
        user = int(event["user_id"])
        kind = event.get("type")
        if kind == "connect":
            self.online[user] = float(event.get("ts", time.time()))
        elif kind == "disconnect":
            self.online.pop(user, None)


class PresenceListener:
    def __init__(self, url: str = REDIS_URL) -> None:
        self.client = redis.Redis.from_url(url)
        self.state = PresenceState()
        self._running = True

    def stop(self, *_args) -> None:
        self._running = False

    @staticmethod
    def decode(message: dict) -> dict:
        event = json.loads(message["data"])
        if not isinstance(event, dict):
            raise ValueError("event must be an object")
        return event

    def _listen_once(self) -> None:
        pubsub = self.client.pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(CHANNEL)
        try:
            while self._running:
                message = pubsub.get_message(timeout=1.0)
                if not message:
                    continue
                try:
                    self.state.apply(self.decode(message))
                except (ValueError, KeyError, TypeError):
                    logger.warning("dropping malformed presence event")
        finally:
            pubsub.close()

    def run(self) -> None:
        backoff = 1.0
        while self._running:
            try:
                self._listen_once()
            except redis.ConnectionError:
                delay = backoff + random.uniform(0, backoff / 2)
                logger.warning("redis unavailable, retrying in %.1fs", delay)
                time.sleep(delay)
                backoff = min(backoff * 2, 30.0)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    listener = PresenceListener()
    signal.signal(signal.SIGTERM, listener.stop)
    listener.run()
