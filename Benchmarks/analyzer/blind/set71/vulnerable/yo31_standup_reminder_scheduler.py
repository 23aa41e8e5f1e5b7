"""Scheduler for async stand-up reminders.

Team leads configure reminders in the chat integration; the web tier
serialises each reminder job (including its formatting callback) with
dill and pushes it onto a Redis sorted set keyed by fire time. This
process pops due jobs and runs them.
"""
import base64
import logging
import os
import time
from typing import Callable, Optional

import dill
import redis
import requests

log = logging.getLogger("standup.scheduler")
ZSET = "standup:reminders"
CHAT_API = os.environ.get("CHAT_API", "https://chat.internal.example.com/api/post")


class ReminderJob:
    def __init__(self, team: str, channel: str, text: str, formatter: Optional[Callable] = None):
        self.team = team
        self.channel = channel
        self.text = text
        self.formatter = formatter

    def render(self) -> str:
        return self.formatter(self.text) if self.formatter else self.text


def encode_job(job: ReminderJob) -> str:
    return base64.b64encode(dill.dumps(job)).decode("ascii")


def decode_job(member: bytes) -> ReminderJob:
    payload = base64.b64decode(member)
    return dill.loads(payload)  # VULN flow


def post_message(channel: str, text: str):
    resp = requests.post(
        CHAT_API,
        json={"channel": channel, "text": text},
        headers={"Authorization": f"Bearer {os.environ['CHAT_BOT_TOKEN']}"},
        timeout=10,
    )
    resp.raise_for_status()


def due_jobs(conn: redis.Redis, now: float):
    members = conn.zrangebyscore(ZSET, 0, now, start=0, num=100)
    for member in members:
        if conn.zrem(ZSET, member):
            yield member


def run_once(conn: redis.Redis) -> int:
    sent = 0
    for member in due_jobs(conn, time.time()):
        try:
            job = decode_job(member)
            post_message(job.channel, job.render())
            sent += 1
        except requests.RequestException as exc:
            log.warning("chat post failed: %r", exc)
        except Exception:
            log.exception("bad reminder job dropped")
    return sent


def main():
    logging.basicConfig(level=logging.INFO)
    conn = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/3"))
    while True:
        n = run_once(conn)
        if n:
            log.info("sent %d reminders", n)
        time.sleep(15)


if __name__ == "__main__":
    main()
