"""Scheduler for async stand-up reminders.

Team leads configure reminders in the chat integration; the web tier
serialises each reminder job (with the name of its formatter) as JSON
and pushes it onto a Redis sorted set keyed by fire time. This process
pops due jobs and runs them.
"""
import base64
import json
import logging
import os
import time
from typing import Optional

import redis
import requests

log = logging.getLogger("standup.scheduler")
ZSET = "standup:reminders"
CHAT_API = os.environ.get("CHAT_API", "https://chat.internal.example.com/api/post")

FORMATTERS = {
    "plain": lambda text: text,
    "upper": lambda text: text.upper(),
    "bullet": lambda text: "\n".join(f"• {line}" for line in text.splitlines()),
}


class ReminderJob:
    def __init__(self, team: str, channel: str, text: str, formatter: Optional[str] = None):
        self.team = team
        self.channel = channel
        self.text = text
        self.formatter = formatter if formatter in FORMATTERS else "plain"

    def render(self) -> str:
        return FORMATTERS[self.formatter](self.text)


def encode_job(job: ReminderJob) -> str:
    data = {"team": job.team, "channel": job.channel, "text": job.text, "formatter": job.formatter}
    return base64.b64encode(json.dumps(data).encode("utf-8")).decode("ascii")


def decode_job(member: bytes) -> ReminderJob:
    payload = base64.b64decode(member)
    data = json.loads(payload)
    return ReminderJob(str(data["team"]), str(data["channel"]), str(data["text"]), data.get("formatter"))


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
