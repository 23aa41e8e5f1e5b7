"""Nightly per-institution database backups for the multi-tenant LMS.

Each partner institution lives in its own PostgreSQL schema; this job dumps
every active tenant schema to a compressed file in the backup volume.
"""
import datetime as dt
import gzip
import logging
import os
import re
import shutil
import subprocess
from pathlib import Path

import psycopg2
import typer

log = logging.getLogger("ops.backup")
cli = typer.Typer(add_completion=False)

DB_HOST = os.environ.get("PGHOST", "db-primary.internal")
DB_NAME = "lms"
DB_USER = "backup_agent"
DB_PASSWORD = os.environ["BACKUP_DB_PASSWORD"]
SCHEMA_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def active_schemas() -> list[str]:
    conn = psycopg2.connect(host=DB_HOST, dbname=DB_NAME, user=DB_USER, password=DB_PASSWORD, connect_timeout=10)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT schema_name FROM public.tenants WHERE active ORDER BY schema_name")
            return [row[0] for row in cur.fetchall()]
    finally:
        conn.close()


def dump_command(schema: str) -> list[str]:
    return ["pg_dump", "-h", DB_HOST, "-U", DB_USER, f"--schema={schema}", "--no-owner", DB_NAME]


def dump_schema(schema: str, out_dir: Path, stamp: str) -> Path:
    if not SCHEMA_NAME.fullmatch(schema):
        raise ValueError(f"unexpected schema name {schema!r}")
    out_file = out_dir / f"{schema}-{stamp}.sql.gz"
    env = {**os.environ, "PGPASSWORD": DB_PASSWORD}
    with subprocess.Popen(dump_command(schema), stdout=subprocess.PIPE, env=env) as proc, \
            gzip.open(out_file, "wb", compresslevel=9) as gz:
        shutil.copyfileobj(proc.stdout, gz)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, "pg_dump")
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
        except (subprocess.CalledProcessError, ValueError) as exc:
            log.error("backup of %r failed: %s", schema, exc)
            failed.append(schema)
    if failed:
        raise typer.Exit(code=1)


if __name__ == "__main__":
    cli()
