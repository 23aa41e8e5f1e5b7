"""Load journal entries from the CSV files clients upload through the portal.

The portal drops uploads into the import inbox; this command is run by the
import worker for every new file.
"""
import csv
import logging
import sqlite3
from pathlib import Path
from typing import List, Tuple

import typer

app = typer.Typer(help="Journal import tools")
log = logging.getLogger("journal.import")

DEFAULT_DB = Path("/srv/ledger/ledger.db")
STAGING_TABLE = "journal_staging"


def read_rows(path: Path) -> Tuple[List[str], List[list]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if not header:
            raise typer.BadParameter("empty CSV file")
        columns = [c.strip().lower().replace(" ", "_") for c in header]
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    return columns, rows


def insert_statement(table: str, columns: List[str]) -> str:
    cols = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({cols}) VALUES ({marks})"


@app.command()
def load(
    csv_path: Path = typer.Argument(..., exists=True, readable=True),
    tenant: int = typer.Option(..., help="tenant id the upload belongs to"),
    db: Path = typer.Option(DEFAULT_DB),
):
    """Stage CSV_PATH into the journal staging table for TENANT."""
    columns, rows = read_rows(csv_path)
    sql = insert_statement(STAGING_TABLE, columns + ["tenant_id"])
    payload = [row + [tenant] for row in rows]

    with sqlite3.connect(db) as conn:
        try:
            conn.executemany(sql, payload)  # VULN flow
        except sqlite3.Error as exc:
            log.error("import of %s failed: %r", csv_path.name, str(exc))
            raise typer.Exit(code=1)
    typer.echo(f"staged {len(payload)} rows from {csv_path.name}")


@app.command()
def purge(tenant: int, db: Path = typer.Option(DEFAULT_DB)):
    """Remove all staged rows for TENANT."""
    with sqlite3.connect(db) as conn:
        cur = conn.execute(f"DELETE FROM {STAGING_TABLE} WHERE tenant_id = ?", (tenant,))
    typer.echo(f"removed {cur.rowcount} staged rows")


if __name__ == "__main__":
    app()
