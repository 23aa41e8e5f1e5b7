"""ops tool: dump each hosted league's Postgres schema to the backup volume."""
import datetime as dt
import logging
import os
import subprocess

import click
import psycopg2

log = logging.getLogger("league.backup")

BACKUP_ROOT = os.environ.get("LEAGUE_BACKUP_ROOT", "/backups/leagues")
PG_DSN = os.environ.get("LEAGUE_PG_DSN", "dbname=leagues host=db.internal user=backup")


def hosted_leagues(dsn: str, only_active: bool):
    sql = "SELECT id, schema_name, display_name FROM hosted_leagues"
    if only_active:
        sql += " WHERE active"
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


def dump_command(schema: str, outfile: str) -> list:
    return ["pg_dump", "--no-owner", "--format=custom", f"--schema={schema}", f"--file={outfile}", "leagues"]


def run_dump(schema: str, outfile: str) -> None:
    cmd = dump_command(schema, outfile)
    proc = subprocess.run(cmd, shell=False, capture_output=True, text=True)
    if proc.returncode != 0:
        raise click.ClickException(f"pg_dump failed for schema {schema!r}: {proc.stderr.strip()[:300]}")


@click.group()
def cli():
    logging.basicConfig(level=logging.INFO)


@cli.command()
@click.option("--active-only/--all", default=True)
@click.option("--dry-run", is_flag=True)
def backup(active_only: bool, dry_run: bool):
    """Dump every hosted league schema (schema names are chosen at league creation)."""
    stamp = dt.datetime.utcnow().strftime("%Y%m%dT%H%M")
    target_dir = os.path.join(BACKUP_ROOT, stamp)
    os.makedirs(target_dir, exist_ok=True)
    os.chmod(target_dir, 0o700)
    for league_id, schema, name in hosted_leagues(PG_DSN, active_only):
        outfile = os.path.join(target_dir, f"league_{league_id}.dump")
        if dry_run:
            click.echo(" ".join(dump_command(schema, outfile)))
            continue
        run_dump(schema, outfile)
        click.echo(f"dumped league {league_id} ({name})")


@cli.command()
@click.argument("stamp")
def list_dumps(stamp: str):
    for entry in sorted(os.listdir(os.path.join(BACKUP_ROOT, stamp))):
        click.echo(entry)


if __name__ == "__main__":
    cli()
