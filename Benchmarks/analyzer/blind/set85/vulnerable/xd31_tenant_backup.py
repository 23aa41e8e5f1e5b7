"""Nightly per-institution database backups for the multi-tenant LMS.

Each partner institution lives in its own PostgreSQL schema; this job dumps
every active tenant schema to a compressed file in the backup volume.
"""
import datetime as dt
import logging
import os
import subprocess
from pathlib import Path

import psycopg2
import typer

log = logging.getLogger("ops.backup")
cli = typer.Typer(add_completion=False)

DB_HOST = os.environ.get("PGHOST", "db-primary.internal")
DB_NAME = "lms"
DB_USER = "backup_agent"
DB_PASSWORD = "Bkp!lms#2022-nightly"  # VULN


def active_schemas() -> list[str]:
    conn = psycopg2.connect(host=DB_HOST, dbname=DB_NAME, user=DB_USER, password=DB_PASSWORD, connect_timeout=10)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT schema_name FROM public.tenants WHERE active ORDER BY schema_name")
            return [row[0] for row in cur.fetchall()]
    finally:
        conn.close()


def dump_command(schema: str, out_file: Path) -> str:
    return f"pg_dump -h {DB_HOST} -U {DB_USER} --schema={schema} --no-owner {DB_NAME} | gzip -9 > {out_file}"


def dump_schema(schema: str, out_dir: Path, stamp: str) -> Path:
    out_file = out_dir / f"{schema}-{stamp}.sql.gz"
    env = {**os.environ, "PGPASSWORD": DB_PASSWORD}
    subprocess.run(dump_command(schema, out_file), shell=True, check=True, env=env)  # VULN flow
    return out_file


@cli.command()
def backup(
    out_dir: Path = typer.Option(Path("/backups/lms"), help="target directory"),
    only: list[str] = typer.Option(None, help="limit to these tenant schemas"),
) -> None:
    """Dump every active tenant schema."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    stamp = dt.datetime.utcnow().strftime("%Y%m%dT%H%M")
    out_dir.mkdir(parents=True, exist_ok=True)
    schemas = active_schemas()
    if only:
        schemas = [s for s in schemas if s in set(only)]
    failed = []
    for schema in schemas:
        try:
            path = dump_schema(schema, out_dir, stamp)
            log.info("dumped %r -> %s", schema, path.name)
        except subprocess.CalledProcessError as exc:
            log.error("backup of %r failed with %s", schema, exc.returncode)
            failed.append(schema)
    if failed:
        raise typer.Exit(code=1)


if __name__ == "__main__":
    cli()
