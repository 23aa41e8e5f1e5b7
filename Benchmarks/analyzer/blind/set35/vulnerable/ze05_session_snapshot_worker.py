"""Celery jobs that restore and expire offline session snapshots."""
import base64
import json
import logging
import os
import pickle
from datetime import datetime, timezone

import redis
from celery import Celery

log = logging.getLogger(__name__)

app = Celery("sessions", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
cache = redis.Redis.from_url(os.environ.get("SESSION_CACHE_URL", "redis://localhost:6379/2"))

SNAPSHOT_TTL = 3600
MAX_SNAPSHOT_BYTES = 256 * 1024


def cache_key(user_id):
    return f"session:{int(user_id)}"


def decode_snapshot(blob):
    raw = base64.b64decode(blob)
    if len(raw) > MAX_SNAPSHOT_BYTES:
        raise ValueError("snapshot too large")
    state = pickle.loads(raw)  # VULN flow
    if not isinstance(state, dict):
        raise ValueError("snapshot must be a mapping")
    return state


@app.task(bind=True, max_retries=3, default_retry_delay=10)
def restore_snapshot(self, user_id, blob):
    """Invoked by the sync API when a device uploads its offline session."""
    try:
        state = decode_snapshot(blob)
    except Exception as exc:
        log.warning("snapshot rejected for user %d: %r", int(user_id), exc)
        return False
    state["restored_at"] = datetime.now(timezone.utc).isoformat()
    try:
        cache.setex(cache_key(user_id), SNAPSHOT_TTL, json.dumps(state, default=str))
    except redis.ConnectionError as exc:
        raise self.retry(exc=exc)
    return True


@app.task
def snapshot_summary(user_id):
    raw = cache.get(cache_key(user_id))
    if raw is None:
        return None
    state = json.loads(raw)
    return {"keys": sorted(state), "restored_at": state.get("restored_at")}


@app.task
def expire_idle(user_ids):
    removed = 0
    for uid in user_ids:
        removed += cache.delete(cache_key(uid))
    log.info("expired %d idle session snapshots", removed)
    return removed
