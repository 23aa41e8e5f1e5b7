#!/usr/bin/env python3
"""Import a dashboard bundle (zip exported from another workspace).

Invoked by the upload worker for every bundle a user uploads in the UI:

    import-bundle --workspace 42 /var/spool/uploads/abc123.zip
"""
import json
import logging
import os
import shutil
import zipfile

import click

log = logging.getLogger("bundle-import")
IMPORT_ROOT = os.environ.get("BUNDLE_IMPORT_ROOT", "/var/lib/dashboards/imports")
MAX_MEMBERS = 500


def extract_bundle(archive_path: str, dest: str) -> list[str]:
    extracted = []
    root = os.path.realpath(dest)
    with zipfile.ZipFile(archive_path) as zf:
        members = zf.infolist()
        if len(members) > MAX_MEMBERS:
            raise click.ClickException("bundle has too many files")
        for info in members:
            if info.is_dir():
                continue
            target = os.path.realpath(os.path.join(root, info.filename))
            if os.path.commonpath([root, target]) != root:
                raise click.ClickException(f"bundle entry escapes import dir: {info.filename!r}")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            extracted.append(target)
    return extracted


def read_manifest(dest: str) -> dict:
    with open(os.path.join(dest, "manifest.json")) as fh:
        manifest = json.load(fh)
    if manifest.get("format") != "xp-dashboard-bundle/1":
        raise click.ClickException("unsupported bundle format")
    return manifest


@click.command()
@click.option("--workspace", type=int, required=True, help="target workspace id")
@click.option("--keep/--no-keep", default=False, help="keep the extracted files")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False))
def main(workspace: int, keep: bool, archive: str):
    logging.basicConfig(level=logging.INFO)
    dest = os.path.join(IMPORT_ROOT, str(workspace), os.path.basename(archive).rsplit(".", 1)[0])
    os.makedirs(dest, exist_ok=True)
    try:
        files = extract_bundle(archive, dest)
        manifest = read_manifest(dest)
        dashboards = manifest.get("dashboards", [])
        log.info("workspace %d: %d files, %d dashboards", workspace, len(files), len(dashboards))
        click.echo(json.dumps({"workspace": workspace, "dashboards": [d.get("title") for d in dashboards]}))
    finally:
        if not keep:
            shutil.rmtree(dest, ignore_errors=True)


if __name__ == "__main__":
    main()
