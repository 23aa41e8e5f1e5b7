"""Nightly PostgreSQL export with simple retention, run from cron on the db host."""
import gzip
import os
import re
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

import click

DB_NAME_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def prune(dest, database, keep):
    dumps = sorted(Path(dest).glob(f"{database}-*.sql.gz"), key=lambda p: p.stat().st_mtime)
    for old in dumps[:-keep] if keep else []:
        old.unlink()
        click.echo(f"pruned {old.name}")


@click.command()
@click.option("--database", required=True, help="Database to export.")
@click.option("--host", default="localhost", show_default=True)
@click.option("--user", default="backup", show_default=True)
@click.option("--dest", type=click.Path(file_okay=False), default="/srv/backups/postgres", show_default=True)
@click.option("--keep", type=int, default=7, show_default=True, help="Number of dumps to retain.")
def export(database, host, user, dest, keep):
    if not DB_NAME_RE.fullmatch(database):
        raise click.BadParameter("invalid database name", param_hint="--database")
    os.makedirs(dest, mode=0o700, exist_ok=True)
    env = dict(os.environ, PGPASSWORD=os.environ["BACKUP_PGPASSWORD"])
    fd, tmp_path = tempfile.mkstemp(prefix="pgdump-", suffix=".sql.gz", dir=dest)

    dump = subprocess.Popen(
        ["pg_dump", "--no-owner", "--no-privileges", "-h", host, "-U", user, "-d", database],
        stdout=subprocess.PIPE, env=env,
    )
    with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wb", compresslevel=6) as out:
        shutil.copyfileobj(dump.stdout, out, length=1024 * 1024)
    if dump.wait() != 0:
        os.unlink(tmp_path)
        raise click.ClickException(f"pg_dump exited with {dump.returncode}")

    stamp = datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
    final = os.path.join(dest, f"{database}-{stamp}.sql.gz")
    shutil.move(tmp_path, final)
    os.chmod(final, 0o600)
    click.echo(f"wrote {final} ({os.path.getsize(final) // 1024} KiB)")
    prune(dest, database, keep)


if __name__ == "__main__":
    export()
