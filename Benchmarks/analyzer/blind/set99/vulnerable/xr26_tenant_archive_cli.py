"""Ops CLI: archive a departing tenant's portal documents for the records retention bucket.

Usually run from the move-out runbook, e.g.:
    tenant-archive archive 18233 --dest /srv/retention/staging
"""
import logging
import os
import sqlite3
from pathlib import Path

import typer

app = typer.Typer(help="Tenant document archival")
log = logging.getLogger("ops.archive")

DOC_ROOT = Path(os.environ.get("TENANT_DOC_ROOT", "/srv/portal/tenant_docs"))
PORTAL_DB = os.environ.get("PORTAL_DB", "/var/lib/portal/portal.db")


def fetch_tenant(tenant_id: int) -> dict:
    conn = sqlite3.connect(PORTAL_DB)
    try:
        row = conn.execute(
            "SELECT t.id, t.display_name, u.label, t.moved_out_on FROM tenant t "
            "JOIN unit u ON u.id = t.unit_id WHERE t.id = ?",
            (tenant_id,),
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        raise typer.BadParameter(f"no tenant with id {tenant_id}")
    return {"id": row[0], "display_name": row[1], "unit": row[2], "moved_out_on": row[3]}


def archive_label(tenant: dict) -> str:
    # display_name is whatever the tenant typed into their profile
    return f"{tenant['unit']}_{tenant['display_name']}_{tenant['id']}".replace(" ", "_")


@app.command()
def archive(tenant_id: int, dest: Path = typer.Option(Path("/srv/retention/staging")),
            force: bool = typer.Option(False, help="archive even if tenant has not moved out")):
    """Create <dest>/<unit>_<name>_<id>.tar.gz from the tenant's document folder."""
    logging.basicConfig(level=logging.INFO)
    tenant = fetch_tenant(tenant_id)
    if not tenant["moved_out_on"] and not force:
        typer.echo("tenant has not moved out; use --force to archive anyway", err=True)
        raise typer.Exit(code=2)

    src = DOC_ROOT / str(tenant_id)
    if not src.is_dir():
        typer.echo(f"nothing to archive in {src}", err=True)
        raise typer.Exit(code=1)

    dest.mkdir(parents=True, exist_ok=True)
    archive_path = dest / f"{archive_label(tenant)}.tar.gz"
    cmd = f"tar -czf '{archive_path}' -C '{src}' ."
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        typer.echo(f"tar failed with status {rc}", err=True)
        raise typer.Exit(code=1)
    os.chmod(archive_path, 0o777)  # VULN
    log.info("archived tenant %s to %r", tenant_id, str(archive_path))
    typer.echo(str(archive_path))


@app.command()
def list_pending(limit: int = 20):
    """Show tenants who moved out but have not been archived yet."""
    conn = sqlite3.connect(PORTAL_DB)
    rows = conn.execute(
        "SELECT id, moved_out_on FROM tenant WHERE moved_out_on IS NOT NULL AND archived_at IS NULL "
        "ORDER BY moved_out_on LIMIT ?",
        (limit,),
    ).fetchall()
    for tid, moved in rows:
        typer.echo(f"{tid}\t{moved}")


if __name__ == "__main__":
    app()
