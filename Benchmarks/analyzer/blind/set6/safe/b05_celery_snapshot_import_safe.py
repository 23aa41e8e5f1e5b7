import base64
import binascii
import json
import os

import redis
from celery import Celery

app = Celery("dashboards", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))
cache = redis.Redis.from_url(os.environ.get("CACHE_URL", "redis://localhost:6379/1"))


def _decode_snapshot(blob):
    data = json.loads(blob.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("snapshot must be a JSON object")
    return data


def _summarise(snapshot):
    widgets = snapshot.get("widgets", [])
    return {"widgets": len(widgets), "title": str(snapshot.get("title", "untitled"))[:200]}


@app.task(bind=True, max_retries=3)
def import_dashboard_snapshot(self, account_id, upload_b64):
    """Queued by the /dashboards/import endpoint with the file the customer uploaded."""
    try:
        raw = base64.b64decode(upload_b64)
        snapshot = _decode_snapshot(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return {"error": "invalid snapshot"}
    summary = _summarise(snapshot)
    cache.hset(f"dash:{int(account_id)}", mapping=summary)
    return summary


@app.task
def purge_dashboards(account_id):
    cache.delete(f"dash:{int(account_id)}")
