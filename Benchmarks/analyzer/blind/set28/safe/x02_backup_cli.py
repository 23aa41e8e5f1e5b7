"""Nightly PostgreSQL backup helper used by the ops cron jobs."""
import datetime as dt
import logging
import os
import re
import subprocess
from pathlib import Path

import click

log = logging.getLogger("backup")

BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", "/srv/backups"))
DEFAULT_HOST = os.environ.get("PGHOST", "localhost")
DB_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
HOST_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$")


def archive_path(database: str) -> Path:
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    slug = re.sub(r"[^A-Za-z0-9_]", "_", database)
    return BACKUP_ROOT / f"{stamp}.{slug}.dump"


def dump_command(database: str, host: str, target: Path) -> list[str]:
    return ["pg_dump", f"--host={host}", "--format=custom", f"--file={target}", f"--dbname={database}"]


def run_dump(database: str, host: str, target: Path) -> None:
    if not DB_NAME_RE.fullmatch(database):
        raise click.BadParameter(f"invalid database name: {database!r}")
    if not HOST_RE.fullmatch(host):
        raise click.BadParameter(f"invalid host: {host!r}")
    command = dump_command(database, host, target)
    log.info("starting dump of %r on %r", database, host)
    subprocess.run(command, check=True)


def databases_from_file(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def prune(directory: Path, keep: int) -> list[Path]:
    archives = sorted(directory.glob("*.dump"), key=lambda p: p.stat().st_mtime, reverse=True)
    removed = []
    for old in archives[keep:]:
        old.unlink()
        removed.append(old)
    return removed


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Enable debug logging.")
def cli(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.option("--list-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.option("--host", default=DEFAULT_HOST, show_default=True)
def dump(list_file: Path, host: str) -> None:
    """Dump every database named in LIST_FILE."""
    BACKUP_ROOT.mkdir(parents=True, exist_ok=True)
    failures = 0
    for database in databases_from_file(list_file):
        target = archive_path(database)
        try:
            run_dump(database, host, target)
        except subprocess.CalledProcessError as exc:
            failures += 1
            log.error("dump of %r failed with exit code %d", database, exc.returncode)
            continue
        click.echo(f"wrote {target}")
    if failures:
        raise click.ClickException(f"{failures} dump(s) failed")


@cli.command()
@click.option("--keep", default=14, show_default=True, type=click.IntRange(min=1))
def cleanup(keep: int) -> None:
    """Delete all but the newest KEEP archives."""
    for path in prune(BACKUP_ROOT, keep):
        click.echo(f"removed {path}")


if __name__ == "__main__":
    cli()
