#!/usr/bin/env python3
"""Back up and restore the hub configuration (devices, scenes, automations).

Restores are usually run against an archive the customer downloaded from
the cloud portal or received from support.
"""
import json
import logging
import tarfile
import time
from pathlib import Path

import typer

log = logging.getLogger("hub.backup")
app = typer.Typer(help="Hub configuration backup tool")

CONFIG_DIR = Path("/var/lib/homehub/config")
MANIFEST = "manifest.json"
SUPPORTED_FORMATS = {1, 2}


def read_manifest(tar: tarfile.TarFile) -> dict:
    member = tar.getmember(MANIFEST)
    fh = tar.extractfile(member)
    if fh is None:
        raise typer.BadParameter("manifest is not a regular file")
    return json.load(fh)


@app.command()
def backup(out: Path = typer.Option(Path("hub-backup.tar.gz"), help="archive to write")):
    manifest = {"format": 2, "created": int(time.time()), "files": []}
    with tarfile.open(out, "w:gz") as tar:
        for path in sorted(CONFIG_DIR.rglob("*")):
            if path.is_file():
                arcname = str(path.relative_to(CONFIG_DIR))
                tar.add(path, arcname=arcname)
                manifest["files"].append(arcname)
        data = json.dumps(manifest).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        import io
        tar.addfile(info, io.BytesIO(data))
    typer.echo(f"wrote {out} ({len(manifest['files'])} files)")


@app.command()
def restore(archive: Path, dest: Path = typer.Option(CONFIG_DIR, help="restore target"),
            yes: bool = typer.Option(False, "--yes", help="do not ask for confirmation")):
    if not archive.is_file():
        raise typer.BadParameter(f"{archive} does not exist")
    with tarfile.open(archive, "r:*") as tar:
        manifest = read_manifest(tar)
        if manifest.get("format") not in SUPPORTED_FORMATS:
            raise typer.BadParameter("unsupported backup format")
        if not yes:
            typer.confirm(f"Restore {len(manifest.get('files', []))} files into {dest}?",
                          abort=True)
        dest.mkdir(parents=True, exist_ok=True)
        tar.extractall(dest)  # VULN flow
    log.info("restored backup from %s", time.ctime(manifest.get("created", 0)))
    typer.echo("restore complete; restart the hub service to apply")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
