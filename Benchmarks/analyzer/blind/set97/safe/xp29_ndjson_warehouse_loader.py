#!/usr/bin/env python3
"""Local warehouse loader: loads SDK event dumps (NDJSON) into SQLite.

Every event property becomes a ``p_<name>`` column; new properties are
added to the table on the fly so analysts can query them directly.
"""
import json
import logging
import re
import sqlite3

import click

log = logging.getLogger("loader")

BASE_COLUMNS = ["event", "distinct_id", "ts"]
PROP_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def init_db(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS events (event TEXT, distinct_id TEXT, ts TEXT)")


def existing_columns(conn: sqlite3.Connection) -> set[str]:
    return {row[1] for row in conn.execute("PRAGMA table_info(events)")}


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class EventLoader:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.columns = existing_columns(conn)

    def ensure_columns(self, props: dict) -> None:
        for prop in props:
            col = f"p_{prop}"
            if col not in self.columns:
                self.conn.execute(f"ALTER TABLE events ADD COLUMN {quote_ident(col)} TEXT")
                self.columns.add(col)
                log.info("added column %r", col)

    def insert(self, event: dict) -> None:
        props = {k: v for k, v in (event.get("properties") or {}).items() if PROP_NAME.match(str(k))}
        self.ensure_columns(props)
        cols = BASE_COLUMNS + [f"p_{k}" for k in props]
        values = [event.get("event"), event.get("distinct_id"), event.get("timestamp")]
        values += [json.dumps(v) if isinstance(v, (dict, list)) else v for v in props.values()]
        placeholders = ", ".join("?" for _ in cols)
        sql = f"INSERT INTO events ({', '.join(quote_ident(c) for c in cols)}) VALUES ({placeholders})"
        self.conn.execute(sql, values)


@click.command()
@click.option("--db", "db_path", default="warehouse.db", show_default=True)
@click.option("--batch-size", default=1000, show_default=True)
@click.argument("dump", type=click.File("r"))
def load(db_path: str, batch_size: int, dump):
    """Load an NDJSON event dump into the local warehouse."""
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(db_path)
    init_db(conn)
    loader = EventLoader(conn)
    loaded = skipped = 0
    for lineno, line in enumerate(dump, 1):
        try:
            loader.insert(json.loads(line))
            loaded += 1
        except (json.JSONDecodeError, sqlite3.Error) as exc:
            skipped += 1
            log.warning("line %d skipped: %r", lineno, exc)
        if loaded % batch_size == 0:
            conn.commit()
    conn.commit()
    conn.close()
    click.echo(f"loaded {loaded} events, skipped {skipped}")


if __name__ == "__main__":
    load()
