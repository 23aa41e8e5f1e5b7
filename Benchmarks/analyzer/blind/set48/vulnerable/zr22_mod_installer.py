"""Command line installer for community server mods.

    modctl install https://mods.arena-community.org/packages/cool-hud-1.2.tar.gz
"""
import hashlib
import json
import logging
import os
import shutil
import tarfile
import tempfile
from pathlib import Path

import click
import requests

log = logging.getLogger("modctl")
MODS_DIR = Path(os.environ.get("ARENA_MODS_DIR", "/srv/arena/mods"))
CHUNK = 1 << 16


def download(url: str, dest: Path) -> str:
    digest = hashlib.sha256()
    with requests.get(url, stream=True, timeout=60) as resp:
        resp.raise_for_status()
        with open(dest, "wb") as fh:
            for chunk in resp.iter_content(CHUNK):
                digest.update(chunk)
                fh.write(chunk)
    return digest.hexdigest()


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.getmember("mod.json")
    except KeyError:
        raise click.ClickException("package has no mod.json")
    raw = tar.extractfile(member).read()
    manifest = json.loads(raw)
    if "name" not in manifest or "version" not in manifest:
        raise click.ClickException("mod.json needs name and version")
    return manifest


def unpack(archive: Path, manifest_name: str) -> Path:
    target_dir = MODS_DIR / manifest_name
    if target_dir.exists():
        shutil.rmtree(target_dir)
    target_dir.mkdir(parents=True)
    with tarfile.open(archive, "r:*") as tar:
        tar.extractall(target_dir)  # VULN flow
    return target_dir


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument("url")
@click.option("--sha256", "expected", default=None, help="expected archive checksum")
def install(url: str, expected: str) -> None:
    """Download a mod package and install it into the mods directory."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "package.tar.gz"
        checksum = download(url, archive)
        if expected and checksum != expected.lower():
            raise click.ClickException(f"checksum mismatch: {checksum}")
        with tarfile.open(archive, "r:*") as tar:
            manifest = read_manifest(tar)
        name = "".join(c for c in manifest["name"] if c.isalnum() or c in "-_")
        if not name:
            raise click.ClickException("mod name is empty after cleaning")
        path = unpack(archive, name)
    click.echo(f"installed {name} {manifest['version']} into {path}")


@cli.command(name="list")
def list_mods() -> None:
    for entry in sorted(MODS_DIR.iterdir()):
        if (entry / "mod.json").is_file():
            meta = json.loads((entry / "mod.json").read_text())
            click.echo(f"{entry.name:24} {meta.get('version', '?')}")


if __name__ == "__main__":
    cli()
