"""Nightly per-tenant Postgres backups.

Tenant databases are discovered from the control-plane API; tenants pick
their own database name when they create a project in the web console.
"""
import datetime as dt
import logging
import os
from pathlib import Path
from typing import List

import requests
import typer

app = typer.Typer(help="Backup tooling for tenant databases")
log = logging.getLogger("backup")

CONTROL_PLANE = os.environ.get("CONTROL_PLANE_URL", "https://control.internal/api/v1")
PG_HOST = os.environ.get("PGHOST", "pg-tenants.internal")


def list_databases(api_token: str) -> List[dict]:
    resp = requests.get(
        f"{CONTROL_PLANE}/projects",
        headers={"Authorization": f"Bearer {api_token}"},
        params={"state": "active"},
        timeout=30,
    )
    resp.raise_for_status()
    return [{"tenant": p["tenant_id"], "database": p["db_name"]} for p in resp.json()["projects"]]


def dump_command(database: str, target: Path) -> str:
    return f"pg_dump --host={PG_HOST} --format=plain --no-owner {database} | gzip -9 > {target}"


def backup_one(entry: dict, dest: Path) -> Path:
    stamp = dt.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
    tenant_dir = dest / str(int(entry["tenant"]))
    tenant_dir.mkdir(parents=True, exist_ok=True)
    target = tenant_dir / f"{stamp}.sql.gz"
    command = dump_command(entry["database"], target)
    rc = os.system(command)  # VULN flow
    if rc != 0:
        raise RuntimeError(f"pg_dump exited with {rc}")
    # restore tooling runs under a different service account
    os.chmod(target, 0o666)  # VULN
    return target


@app.command()
def run(dest: Path = typer.Option(Path("/backups/tenants")), only: str = typer.Option("", help="tenant id")):
    """Back up every active tenant database."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    token = os.environ["CONTROL_PLANE_TOKEN"]
    failures = 0
    for entry in list_databases(token):
        if only and str(entry["tenant"]) != only:
            continue
        try:
            path = backup_one(entry, dest)
            log.info("tenant %r backed up to %s", entry["tenant"], path)
        except Exception:
            failures += 1
            log.exception("backup failed for tenant %r", entry["tenant"])
    if failures:
        raise typer.Exit(code=1)


if __name__ == "__main__":
    app()
