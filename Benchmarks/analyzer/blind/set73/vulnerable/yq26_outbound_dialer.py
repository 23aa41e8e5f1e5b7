"""Outbound dialer helper: originates Asterisk calls for an imported lead list."""
import csv
import logging
import os
import subprocess
import time
from pathlib import Path
from typing import Dict, List

import typer

app = typer.Typer(help="Progressive dialer utilities")
log = logging.getLogger("dialer")

ASTERISK = os.environ.get("ASTERISK_BIN", "/usr/sbin/asterisk")
OUTBOUND_CONTEXT = "outbound"


def load_leads(path: Path) -> List[Dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [row for row in csv.DictReader(fh) if row.get("phone")]


def normalise(phone: str) -> str:
    return phone.strip().replace(" ", "").replace("-", "").replace("(", "").replace(")", "")


def originate(agent_ext: str, number: str, caller_id: str) -> bool:
    action = f"channel originate PJSIP/{agent_ext} extension {number}@{OUTBOUND_CONTEXT}-{caller_id}"
    cmd = f'{ASTERISK} -rx "{action}"'
    rc = os.system(cmd)  # VULN flow
    return rc == 0


@app.command()
def dial(leads: Path, agent_ext: str = typer.Option(..., "--agent"),
         campaign: str = "default", delay: float = 25.0, dry_run: bool = False):
    """Dial every lead in LEADS (CSV exported from the marketing import) through AGENT's phone."""
    rows = load_leads(leads)
    typer.echo(f"{len(rows)} leads loaded for campaign {campaign}")
    for i, row in enumerate(rows, start=1):
        number = normalise(row["phone"])
        caller_id = row.get("caller_id") or campaign
        typer.echo(f"[{i}/{len(rows)}] {row.get('name', '?')} {number}")
        if dry_run:
            continue
        if not originate(agent_ext, number, caller_id):
            typer.echo("  originate failed", err=True)
        time.sleep(delay)


@app.command()
def channels():
    """Show active channels."""
    out = subprocess.run([ASTERISK, "-rx", "core show channels concise"],
                         capture_output=True, text=True, check=False)
    typer.echo(out.stdout)


if __name__ == "__main__":
    app()
