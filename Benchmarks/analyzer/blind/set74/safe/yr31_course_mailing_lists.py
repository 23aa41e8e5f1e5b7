"""Create Mailman lists for course sections from the registrar's export.

The export is a CSV with one row per section. The owner column carries the
instructor's preferred contact address from their faculty profile.
"""
import csv
import logging
import os
import re
import shlex
import subprocess
from pathlib import Path
from typing import Dict, Iterator

import typer

log = logging.getLogger("lists.courses")
cli = typer.Typer(help="Course mailing list provisioning")

MAILMAN = os.environ.get("MAILMAN_BIN", "/opt/mailman/venv/bin/mailman")
LIST_DOMAIN = os.environ.get("LIST_DOMAIN", "lists.campus.example.edu")
SECTION_RE = re.compile(r"^[A-Z]{2,5}$")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def read_sections(path: Path) -> Iterator[Dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not SECTION_RE.match(row.get("dept", "")):
                log.warning("skipping row with unexpected department code")
                continue
            yield row


def list_address(row: Dict[str, str]) -> str:
    local = f"{row['dept'].lower()}{row['number']}-{row['section']}-{row['term'].lower()}"
    return f"{local}@{LIST_DOMAIN}"


def create_list(address: str, owner: str, dry_run: bool) -> str:
    cmd = [MAILMAN, "create", "--owner", owner, "--notify", address]
    if dry_run:
        return f"[dry-run] {shlex.join(cmd)}"
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return proc.stdout.strip()


@cli.command()
def provision(
    export: Path = typer.Argument(..., exists=True, dir_okay=False, help="registrar section export"),
    dry_run: bool = typer.Option(False, "--dry-run", help="print commands without running them"),
    verbose: bool = typer.Option(False, "--verbose", "-v"),
) -> None:
    """Create one list per section in EXPORT."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    created = 0
    for row in read_sections(export):
        owner = (row.get("owner") or "").strip()
        if not EMAIL_RE.match(owner):
            log.warning("section %r has no valid owner, skipping", row.get("crn"))
            continue
        output = create_list(list_address(row), owner, dry_run)
        typer.echo(output)
        created += 1
    typer.echo(f"processed {created} sections")


if __name__ == "__main__":
    cli()
