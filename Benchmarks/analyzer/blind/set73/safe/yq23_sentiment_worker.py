"""Sentiment scoring worker: pops ticket jobs from Redis and writes scores back to the CRM."""
import base64
import json
import logging
import os
import re
import signal

import redis

log = logging.getLogger("ml.sentiment")

QUEUE = "sentiment:jobs"
RESULTS = "sentiment:results"
LEXICON_PATH = os.environ.get("SENTIMENT_LEXICON", "/opt/models/lexicon.json")
WORD_RE = re.compile(r"[a-z']+")

_running = True


def _stop(signum, frame):
    global _running
    _running = False


class LexiconModel:
    def __init__(self, path):
        with open(path, encoding="utf-8") as fh:
            self.weights = json.load(fh)

    def score(self, text):
        words = WORD_RE.findall(text.lower())
        if not words:
            return 0.0
        total = sum(self.weights.get(w, 0.0) for w in words)
        return max(-1.0, min(1.0, total / len(words) * 5))


def decode_job(raw: bytes) -> dict:
    return json.loads(base64.b64decode(raw))


def handle(job: dict, model: LexiconModel, conn: redis.Redis) -> None:
    ticket_id = int(job["ticket_id"])
    text = " ".join(str(m) for m in job.get("messages", []))
    score = model.score(text)
    label = "negative" if score < -0.2 else "positive" if score > 0.2 else "neutral"
    conn.hset(RESULTS, ticket_id, json.dumps({"score": score, "label": label}))
    if label == "negative" and job.get("priority") != "urgent":
        conn.lpush("escalations", ticket_id)
    log.info("ticket %d scored %.2f (%s)", ticket_id, score, label)


def run():
    signal.signal(signal.SIGTERM, _stop)
    conn = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"),
                                socket_timeout=10)
    model = LexiconModel(LEXICON_PATH)
    log.info("sentiment worker started, queue=%s", QUEUE)
    while _running:
        item = conn.blpop(QUEUE, timeout=5)
        if item is None:
            continue
        _, raw = item
        try:
            job = decode_job(raw)
            handle(job, model, conn)
        except Exception:
            log.exception("failed to process job")
            conn.lpush(QUEUE + ":dead", raw)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
