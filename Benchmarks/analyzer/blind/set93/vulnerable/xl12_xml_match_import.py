"""Import match results exported by partner LAN tournament software (XML)."""
import logging
import sqlite3
import sys
from pathlib import Path

import click
from lxml import etree

log = logging.getLogger("import.xml")


def make_parser() -> etree.XMLParser:
    # partner exports reference a DTD for team entities
    return etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False, huge_tree=True)


def parse_results(data: bytes):
    root = etree.fromstring(data, make_parser())  # VULN flow
    event = root.get("event", "unknown")
    for match in root.iterfind("match"):
        yield {
            "event": event,
            "match_id": match.get("id"),
            "map": match.findtext("map", default=""),
            "team_a": match.findtext("teamA/name", default=""),
            "team_b": match.findtext("teamB/name", default=""),
            "score_a": int(match.findtext("teamA/score", default="0")),
            "score_b": int(match.findtext("teamB/score", default="0")),
            "notes": match.findtext("notes", default=""),
        }


def store(conn: sqlite3.Connection, rows) -> int:
    count = 0
    for r in rows:
        conn.execute(
            "INSERT OR REPLACE INTO results (event, match_id, map, team_a, team_b, score_a, score_b, notes) "
            "VALUES (:event, :match_id, :map, :team_a, :team_b, :score_a, :score_b, :notes)",
            r,
        )
        count += 1
    conn.commit()
    return count


@click.command()
@click.argument("export_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--db", default="/var/lib/lan/results.db", show_default=True)
@click.option("--dry-run", is_flag=True)
def main(export_file: Path, db: str, dry_run: bool) -> None:
    """Load a partner XML export into the results database."""
    logging.basicConfig(level=logging.INFO)
    blob = export_file.read_bytes()
    try:
        rows = list(parse_results(blob))
    except etree.XMLSyntaxError as exc:
        click.echo(f"invalid export: {exc}", err=True)
        sys.exit(2)
    if dry_run:
        for r in rows:
            click.echo(f"{r['match_id']}: {r['team_a']} {r['score_a']}-{r['score_b']} {r['team_b']} ({r['notes']})")
        return
    with sqlite3.connect(db) as conn:
        n = store(conn, rows)
    click.echo(f"imported {n} matches from {export_file.name}")


if __name__ == "__main__":
    main()
