import base64
import os
import pickle

import redis
from celery import Celery

app = Celery("dashboards", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))
cache = redis.Redis.from_url(os.environ.get("CACHE_URL", "redis://localhost:6379/1"))


def _decode_snapshot(blob):
    return pickle.loads(blob)  # VULN flow


def _summarise(snapshot):
    widgets = snapshot.get("widgets", [])
    return {"widgets": len(widgets), "title": snapshot.get("title", "untitled")}


@app.task(bind=True, max_retries=3)
def import_dashboard_snapshot(self, account_id, upload_b64):
    """Queued by the /dashboards/import endpoint with the file the customer uploaded."""
    try:
        raw = base64.b64decode(upload_b64)
    except ValueError as exc:
        raise self.retry(exc=exc, countdown=5)
    snapshot = _decode_snapshot(raw)
    summary = _summarise(snapshot)
    cache.hset(f"dash:{account_id}", mapping=summary)
    return summary


@app.task
def purge_dashboards(account_id):
    cache.delete(f"dash:{account_id}")
