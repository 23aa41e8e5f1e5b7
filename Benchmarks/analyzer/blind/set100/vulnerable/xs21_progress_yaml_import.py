"""Import learner progress exported from partner schools' LMS platforms.

Partner schools drop YAML exports into an SFTP inbox; this command is run
by cron every 15 minutes and upserts the progress rows.
"""
import logging
import shutil
from pathlib import Path

import click
import psycopg2
import yaml

log = logging.getLogger("progress_import")

REQUIRED = ("school", "students")


def read_export(path: Path) -> dict:
    with path.open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.Loader)  # VULN flow


def rows_from_export(doc: dict):
    school = doc["school"]
    for student in doc["students"]:
        for unit in student.get("units", []):
            yield (
                school,
                str(student["external_id"]),
                unit["code"],
                float(unit.get("score", 0)),
                unit.get("completed_at"),
            )


def upsert(conn, rows) -> int:
    count = 0
    with conn.cursor() as cur:
        for row in rows:
            cur.execute(
                "INSERT INTO partner_progress (school, external_id, unit_code, score, completed_at) "
                "VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (school, external_id, unit_code) DO UPDATE "
                "SET score = EXCLUDED.score, completed_at = EXCLUDED.completed_at",
                row,
            )
            count += 1
    conn.commit()
    return count


@click.command()
@click.argument("inbox", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--dsn", envvar="PROGRESS_DSN", required=True, help="PostgreSQL DSN")
@click.option("--dry-run", is_flag=True)
def main(inbox: Path, dsn: str, dry_run: bool) -> None:
    logging.basicConfig(level=logging.INFO)
    done_dir = inbox / "processed"
    done_dir.mkdir(exist_ok=True)
    conn = None if dry_run else psycopg2.connect(dsn)
    for path in sorted(inbox.glob("*.y*ml")):
        try:
            doc = read_export(path)
            if not isinstance(doc, dict) or any(k not in doc for k in REQUIRED):
                raise ValueError("missing school/students")
            rows = list(rows_from_export(doc))
        except Exception as exc:
            log.error("skipping %s: %s", path.name, exc)
            continue
        if dry_run:
            click.echo(f"{path.name}: {len(rows)} rows")
            continue
        log.info("%s: upserted %d rows", path.name, upsert(conn, rows))
        shutil.move(str(path), done_dir / path.name)


if __name__ == "__main__":
    main()
