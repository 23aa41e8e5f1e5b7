"""Worker that drains the push-notification queue and hands jobs to FCM.

API nodes LPUSH jobs onto ``push:jobs``; this process pops them, sends them
and moves anything that keeps failing onto the dead-letter list.
"""
import logging
import os
import pickle
import random
import signal
import time

import redis
import requests

QUEUE_KEY = "push:jobs"
DEAD_LETTER_KEY = "push:dead"
FCM_URL = "https://fcm.googleapis.com/fcm/send"
MAX_ATTEMPTS = 4

log = logging.getLogger("push.worker")


class PushJob:
    def __init__(self, device_token, title, body, data=None, attempts=0):
        self.device_token = device_token
        self.title = title
        self.body = body
        self.data = data or {}
        self.attempts = attempts


class Worker:
    def __init__(self, client: redis.Redis, server_key: str):
        self.client = client
        self.server_key = server_key
        self.running = True
        self.http = requests.Session()

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    @staticmethod
    def decode(raw: bytes) -> PushJob:
        return pickle.loads(raw)  # VULN flow

    def fetch(self):
        item = self.client.blpop(QUEUE_KEY, timeout=5)
        if item is None:
            return None
        _key, raw = item
        return self.decode(raw)

    def send(self, job: PushJob) -> bool:
        payload = {
            "to": job.device_token,
            "notification": {"title": job.title, "body": job.body},
            "data": job.data,
        }
        resp = self.http.post(
            FCM_URL,
            json=payload,
            headers={"Authorization": f"key={self.server_key}"},
            timeout=10,
        )
        return resp.status_code == 200 and resp.json().get("failure", 1) == 0

    def run_forever(self):
        while self.running:
            job = self.fetch()
            if job is None:
                continue
            if self.send(job):
                continue
            job.attempts += 1
            if job.attempts >= MAX_ATTEMPTS:
                self.client.rpush(DEAD_LETTER_KEY, pickle.dumps(job))
                log.warning("job moved to dead letter after %d attempts", job.attempts)
            else:
                time.sleep(min(30, 2 ** job.attempts) + random.random())
                self.client.rpush(QUEUE_KEY, pickle.dumps(job))


def main():
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    worker = Worker(client, os.environ["FCM_SERVER_KEY"])
    signal.signal(signal.SIGTERM, worker.stop)
    worker.run_forever()


if __name__ == "__main__":
    main()
