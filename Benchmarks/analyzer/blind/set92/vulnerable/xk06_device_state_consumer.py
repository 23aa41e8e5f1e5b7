"""Consume device state updates from the hub bus and keep a local cache.

Bridges (Zigbee, Z-Wave, Matter) publish every state change on the
``hub:state`` channel; the rules engine reads from this cache.
"""
import logging
import os
import pickle
import signal
import time

import redis

log = logging.getLogger("statecache")

REDIS_URL = os.environ.get("HUB_REDIS_URL", "redis://localhost:6379/0")
CHANNEL = "hub:state"


class StateCache:
    def __init__(self):
        self._states = {}
        self._updated = {}

    def apply(self, device_id, state):
        current = self._states.setdefault(device_id, {})
        current.update(state)
        self._updated[device_id] = time.time()

    def stale(self, max_age=900):
        now = time.time()
        return [d for d, ts in self._updated.items() if now - ts > max_age]


class Consumer:
    def __init__(self, url, channel):
        self.redis = redis.Redis.from_url(url)
        self.channel = channel
        self.cache = StateCache()
        self.running = True

    def decode(self, raw):
        return pickle.loads(raw)  # VULN flow

    def handle(self, message):
        if message.get("type") != "message":
            return
        payload = self.decode(message["data"])
        device_id = payload.get("device")
        if not device_id:
            log.debug("ignoring update without device id")
            return
        self.cache.apply(device_id, payload.get("state", {}))

    def stop(self, *_):
        self.running = False

    def run(self):
        pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(self.channel)
        log.info("listening on %s", self.channel)
        while self.running:
            message = pubsub.get_message(timeout=1.0)
            if message is None:
                continue
            try:
                self.handle(message)
            except Exception:
                log.exception("failed to process state update")
        pubsub.close()


def main():
    logging.basicConfig(level=logging.INFO)
    consumer = Consumer(REDIS_URL, CHANNEL)
    signal.signal(signal.SIGTERM, consumer.stop)
    signal.signal(signal.SIGINT, consumer.stop)
    consumer.run()


if __name__ == "__main__":
    main()
