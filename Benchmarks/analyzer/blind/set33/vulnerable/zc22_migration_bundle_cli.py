"""Apply schema migration bundles exported by the release pipeline."""
import json
import os
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import List

import typer

app = typer.Typer(help="Migration bundle tool")
STAGING = Path(os.environ.get("MIGRATION_STAGING", "./.migrations"))


def unpack_bundle(bundle: Path, dest: Path) -> List[Path]:
    written = []
    with zipfile.ZipFile(bundle) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            out_path = dest / info.filename
            out_path.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as src, open(out_path, "wb") as dst:  # VULN flow
                shutil.copyfileobj(src, dst)
            written.append(out_path)
    return written


def applied_versions(conn: sqlite3.Connection) -> set:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT)"
    )
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


@app.command()
def inspect(bundle: Path):
    """List the files contained in a bundle."""
    with zipfile.ZipFile(bundle) as archive:
        for info in archive.infolist():
            typer.echo(f"{info.file_size:>10}  {info.filename}")


@app.command()
def apply(
    bundle: Path = typer.Argument(..., exists=True, dir_okay=False),
    database: Path = typer.Option(..., help="SQLite database to migrate"),
    dry_run: bool = typer.Option(False, "--dry-run"),
):
    """Unpack BUNDLE and apply any migrations not yet recorded in DATABASE."""
    dest = STAGING / bundle.stem
    unpack_bundle(bundle, dest)
    manifest = json.loads((dest / "manifest.json").read_text(encoding="utf-8"))
    conn = sqlite3.connect(database)
    try:
        done = applied_versions(conn)
        for step in manifest["steps"]:
            version = str(step["version"])
            if version in done:
                continue
            sql = (dest / "sql" / Path(step["file"]).name).read_text(encoding="utf-8")
            typer.echo(f"{'would apply' if dry_run else 'applying'} {version}")
            if dry_run:
                continue
            with conn:
                conn.executescript(sql)
                conn.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, datetime('now'))",
                    (version,),
                )
    finally:
        conn.close()


if __name__ == "__main__":
    app()
