#!/usr/bin/env python3
"""Audit archive export worker.

Tenant admins request an export of archived audit events containing a search
term. The console stores the request in ``export_requests``; the scheduler
runs this command with the request id, and we grep the compressed daily
archives for that tenant and upload the matching lines.
"""
import logging
import os
import subprocess
from datetime import date, timedelta

import click
import psycopg2
import requests

ARCHIVE_ROOT = os.environ.get("AUDIT_ARCHIVE_ROOT", "/srv/audit-archive")
EXPORT_UPLOAD_URL = os.environ.get("EXPORT_UPLOAD_URL", "https://exports.internal/api/v1/upload")

log = logging.getLogger("audit-export")


def load_request(conn, request_id: int) -> dict:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT r.id, t.slug, r.search_term, r.days FROM export_requests r "
            "JOIN tenants t ON t.id = r.tenant_id WHERE r.id = %s AND r.status = 'queued'",
            (request_id,),
        )
        row = cur.fetchone()
    if row is None:
        raise click.ClickException(f"no queued export request {request_id}")
    return {"id": row[0], "tenant": row[1], "term": row[2], "days": min(int(row[3]), 365)}


def archive_files(tenant: str, days: int) -> list:
    today = date.today()
    paths = []
    for offset in range(days):
        day = today - timedelta(days=offset)
        path = os.path.join(ARCHIVE_ROOT, tenant, f"{day:%Y-%m-%d}.jsonl.gz")
        if os.path.exists(path):
            paths.append(path)
    return paths


def grep_archives(term: str, files: list, out_path: str) -> int:
    cmd = "zgrep -h -i -F -- '%s' %s > %s" % (term, " ".join(files), out_path)
    proc = subprocess.run(cmd, shell=True)  # VULN flow
    return proc.returncode


@click.command()
@click.option("--request-id", required=True, type=int)
@click.option("--workdir", default="/var/tmp/audit-export", show_default=True)
def main(request_id: int, workdir: str) -> None:
    logging.basicConfig(level=logging.INFO)
    conn = psycopg2.connect(os.environ["CONSOLE_DB_DSN"])
    req = load_request(conn, request_id)
    files = archive_files(req["tenant"], req["days"])
    if not files:
        raise click.ClickException("no archives in range")

    os.makedirs(workdir, exist_ok=True)
    out_path = os.path.join(workdir, f"export-{req['id']}.jsonl")
    rc = grep_archives(req["term"], files, out_path)
    if rc > 1:
        raise click.ClickException(f"zgrep failed with status {rc}")

    with open(out_path, "rb") as fh:
        resp = requests.post(f"{EXPORT_UPLOAD_URL}/{req['id']}", data=fh, timeout=120)
    resp.raise_for_status()
    with conn, conn.cursor() as cur:
        cur.execute("UPDATE export_requests SET status = 'done' WHERE id = %s", (req["id"],))
    log.info("export %d complete (%d archives)", req["id"], len(files))


if __name__ == "__main__":
    main()
