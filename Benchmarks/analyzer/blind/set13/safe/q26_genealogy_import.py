"""Import family-tree submissions (YAML exports from the society's web form)."""
import logging
import sqlite3
from pathlib import Path

import click
import yaml

log = logging.getLogger("genealogy.import")

SCHEMA = """
CREATE TABLE IF NOT EXISTS person (
    id INTEGER PRIMARY KEY,
    ref TEXT UNIQUE,
    given TEXT, surname TEXT, born TEXT, died TEXT, parish TEXT
);
CREATE TABLE IF NOT EXISTS relation (
    parent_ref TEXT, child_ref TEXT, UNIQUE(parent_ref, child_ref)
);
"""
PERSON_FIELDS = ("given", "surname", "born", "died", "parish")


def read_submission(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def person_row(person):
    return (str(person["ref"]),) + tuple(str(person.get(f, "") or "") for f in PERSON_FIELDS)


def import_submission(conn, data):
    rows = [person_row(p) for p in data.get("people", [])]
    rel_rows = [(str(r["parent"]), str(r["child"])) for r in data.get("relations", [])]
    with conn:
        conn.executemany(
            "INSERT OR IGNORE INTO person (ref, given, surname, born, died, parish) "
            "VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT OR IGNORE INTO relation (parent_ref, child_ref) VALUES (?, ?)",
                         rel_rows)
    return len(rows), len(rel_rows)


@click.command()
@click.argument("submissions", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", default="family_tree.sqlite3", show_default=True)
@click.option("--archive-dir", type=click.Path(file_okay=False, path_type=Path), default=None)
def main(submissions, db_path, archive_dir):
    """Load one or more SUBMISSIONS into the society's database."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    conn = sqlite3.connect(db_path)
    conn.executescript(SCHEMA)
    total_people = total_rel = 0
    for path in submissions:
        try:
            data = read_submission(path)
        except yaml.YAMLError as exc:
            log.error("%s: unreadable (%s)", path.name, exc)
            continue
        if not isinstance(data, dict):
            log.error("%s: expected a mapping at top level", path.name)
            continue
        people, rels = import_submission(conn, data)
        total_people += people
        total_rel += rels
        log.info("%s: %d people, %d relations", path.name, people, rels)
        if archive_dir:
            archive_dir.mkdir(parents=True, exist_ok=True)
            path.rename(archive_dir / path.name)
    conn.close()
    click.echo(f"imported {total_people} people and {total_rel} relations")


if __name__ == "__main__":
    main()
