"""Ops CLI: virus-scan and strip metadata from photos waiting in the upload spool.

Uploads are spooled under their original client-side file names so support
staff can match them to tickets; this tool is run by a systemd timer.
"""
import logging
import shutil
import subprocess
from pathlib import Path

import typer

app = typer.Typer(help="Upload spool maintenance")
log = logging.getLogger("spool")

SPOOL = Path("/srv/picbook/spool")
QUARANTINE = Path("/srv/picbook/quarantine")
CLEAN = Path("/srv/picbook/clean")


def run_tool(command: str) -> subprocess.CompletedProcess:
    log.debug("exec %r", command)
    return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)  # VULN flow


def scan(path: Path) -> bool:
    result = run_tool(f'clamdscan --no-summary --fdpass "{path}"')
    if result.returncode == 1:
        log.warning("infected upload: %r", path.name)
        return False
    if result.returncode != 0:
        raise RuntimeError(f"clamdscan error: {result.stderr.strip()[:200]}")
    return True


def strip_metadata(path: Path) -> None:
    result = run_tool(f'exiftool -q -overwrite_original -all= "{path}"')
    if result.returncode != 0:
        log.warning("exiftool failed on %r", path.name)


@app.command()
def process(limit: int = typer.Option(200, help="max files per run"),
            keep_gps: bool = typer.Option(False, help="skip metadata stripping")):
    """Scan, clean and move spooled uploads."""
    logging.basicConfig(level=logging.INFO)
    QUARANTINE.mkdir(parents=True, exist_ok=True)
    CLEAN.mkdir(parents=True, exist_ok=True)
    done = infected = 0
    for path in sorted(SPOOL.iterdir())[:limit]:
        if not path.is_file():
            continue
        if not scan(path):
            shutil.move(str(path), QUARANTINE / path.name)
            infected += 1
            continue
        if not keep_gps:
            strip_metadata(path)
        shutil.move(str(path), CLEAN / path.name)
        done += 1
    typer.echo(f"clean={done} quarantined={infected}")


@app.command()
def stats():
    """Show how many files sit in each folder."""
    for folder in (SPOOL, QUARANTINE, CLEAN):
        count = sum(1 for p in folder.glob("*") if p.is_file()) if folder.exists() else 0
        typer.echo(f"{folder}: {count}")


if __name__ == "__main__":
    app()
