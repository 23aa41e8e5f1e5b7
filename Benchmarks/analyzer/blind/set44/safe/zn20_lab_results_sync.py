"""Pull HL7 result batches from reference labs and convert them for the EHR importer.

Each lab drops a ``manifest.json`` alongside its batch files on its SFTP share;
we mirror the share, then convert every listed file with the vendor's
``hl7conv`` tool. Typically run every 15 minutes by a systemd timer.
"""
import json
import logging
import os
import subprocess
from pathlib import Path
from typing import List

import typer

app = typer.Typer(add_completion=False)
log = logging.getLogger("lab-sync")

MIRROR_ROOT = Path(os.environ.get("LAB_MIRROR_ROOT", "/srv/labsync/mirror"))
OUTBOX = Path(os.environ.get("LAB_OUTBOX", "/srv/ehr/import/hl7"))
LABS = {"quest": "labdrop-quest", "labcorp": "labdrop-labcorp", "arup": "labdrop-arup"}


def mirror(lab: str) -> Path:
    local = MIRROR_ROOT / lab
    local.mkdir(parents=True, exist_ok=True)
    subprocess.run(["rsync", "-a", "--delete", f"{LABS[lab]}:outgoing/", f"{local}/"],
                   check=True, timeout=600)
    return local


def manifest_entries(local: Path) -> List[dict]:
    with open(local / "manifest.json", encoding="utf-8") as fh:
        data = json.load(fh)
    return [e for e in data.get("files", []) if e.get("type") == "ORU"]


def convert(local: Path, entry: dict, facility: str) -> bool:
    src = local / Path(entry["name"]).name
    dest = OUTBOX / f"{src.stem}.{facility}.hl7"
    cmd = ["hl7conv", "--facility", facility, "--in", str(src), "--out", str(dest),
           "--accession", str(entry.get("accession", ""))]
    rc = subprocess.run(cmd, timeout=300).returncode
    if rc != 0:
        log.error("hl7conv failed (rc=%s) for %r", rc, entry.get("name"))
        return False
    return True


@app.command()
def sync(
    labs: List[str] = typer.Option(list(LABS), "--lab", help="labs to pull"),
    facility: str = typer.Option("MAIN", help="receiving facility code"),
    skip_mirror: bool = typer.Option(False, help="use what is already mirrored"),
):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    OUTBOX.mkdir(parents=True, exist_ok=True)
    total = failed = 0
    for lab in labs:
        if lab not in LABS:
            typer.echo(f"unknown lab {lab}", err=True)
            raise typer.Exit(2)
        local = MIRROR_ROOT / lab if skip_mirror else mirror(lab)
        for entry in manifest_entries(local):
            total += 1
            if not convert(local, entry, facility):
                failed += 1
    log.info("converted %d/%d result files", total - failed, total)
    raise typer.Exit(1 if failed else 0)


if __name__ == "__main__":
    app()
