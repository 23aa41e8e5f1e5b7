"""Publish assay result exports into the partner drop folder on the shared file server."""
import hashlib
import json
import logging
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import typer

app = typer.Typer(help="Partner data drop utilities")
log = logging.getLogger("partner-drop")
DROP_ROOT = Path(os.environ.get("PARTNER_DROP", "/mnt/partner_drop"))


def sha256sum(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def ensure_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o750)


def write_manifest(dest_dir: Path, files: list, study: str) -> Path:
    manifest = dest_dir / "MANIFEST.json"
    manifest.write_text(json.dumps({
        "study": study,
        "published": datetime.now(timezone.utc).isoformat(),
        "files": files,
    }, indent=2))
    return manifest


@app.command()
def publish(
    study: str = typer.Argument(..., help="Study code, e.g. ONC-0412"),
    exports: list[Path] = typer.Argument(..., exists=True, dir_okay=False),
    partner: str = typer.Option(..., "--partner", help="Partner folder name"),
    dry_run: bool = typer.Option(False, "--dry-run"),
) -> None:
    dest_dir = DROP_ROOT / partner / study
    entries = []
    if not dry_run:
        ensure_dir(dest_dir)
    for export in exports:
        dest = dest_dir / export.name
        entries.append({"name": export.name, "sha256": sha256sum(export), "bytes": export.stat().st_size})
        if dry_run:
            typer.echo(f"would copy {export} -> {dest}")
            continue
        shutil.copy2(export, dest)
        os.chmod(dest, 0o640)
    if not dry_run:
        manifest = write_manifest(dest_dir, entries, study)
        typer.echo(f"published {len(entries)} file(s); manifest at {manifest}")


if __name__ == "__main__":
    app()
