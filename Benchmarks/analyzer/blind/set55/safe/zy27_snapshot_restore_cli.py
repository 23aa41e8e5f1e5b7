"""Restore online-store snapshots published by other teams' feature pipelines."""
import json
import logging
import os
from dataclasses import dataclass, field
from typing import Dict, List

import redis
import requests
import typer

app = typer.Typer(help="Feature snapshot tooling")
log = logging.getLogger("snapshots")

SNAPSHOT_INDEX = os.environ.get("SNAPSHOT_INDEX", "https://featurestore.ml.example.com/snapshots")


@dataclass
class Snapshot:
    feature_view: str
    created_at: str
    entity_key: str
    rows: List[Dict] = field(default_factory=list)


def fetch_snapshot_text(snapshot_id: str) -> str:
    resp = requests.get(f"{SNAPSHOT_INDEX}/{snapshot_id}.json", timeout=60)
    resp.raise_for_status()
    return resp.text


def decode_snapshot(text: str) -> Snapshot:
    obj = json.loads(text)
    try:
        return Snapshot(
            feature_view=str(obj["feature_view"]),
            created_at=str(obj["created_at"]),
            entity_key=str(obj["entity_key"]),
            rows=[dict(r) for r in obj.get("rows", [])],
        )
    except (KeyError, TypeError, ValueError):
        raise typer.BadParameter("document is not a feature snapshot")


@app.command("list")
def list_snapshots(feature_view: str = typer.Option(None, help="filter by feature view")):
    resp = requests.get(f"{SNAPSHOT_INDEX}/index.json", timeout=30)
    resp.raise_for_status()
    for entry in resp.json():
        if feature_view and entry.get("feature_view") != feature_view:
            continue
        typer.echo(f"{entry['id']}\t{entry['feature_view']}\t{entry['created_at']}")


@app.command()
def restore(
    snapshot_id: str,
    redis_url: str = typer.Option("redis://localhost:6379/0", envvar="ONLINE_STORE_URL"),
    ttl: int = typer.Option(86400, help="key TTL in seconds"),
    dry_run: bool = typer.Option(False, "--dry-run"),
):
    """Load SNAPSHOT_ID into the online store."""
    snap = decode_snapshot(fetch_snapshot_text(snapshot_id))
    typer.echo(f"{snap.feature_view}: {len(snap.rows)} rows from {snap.created_at}")
    if dry_run:
        raise typer.Exit()
    client = redis.Redis.from_url(redis_url)
    pipe = client.pipeline(transaction=False)
    for row in snap.rows:
        key = f"fv:{snap.feature_view}:{row[snap.entity_key]}"
        pipe.hset(key, mapping={k: str(v) for k, v in row.items()})
        pipe.expire(key, ttl)
    pipe.execute()
    typer.echo("done")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
