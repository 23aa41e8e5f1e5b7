"""mlpull: fetch a model bundle published by another team and stage it
for the serving cluster.

Bundles are tarballs uploaded to the shared artifact bucket by any
project; each contains weights plus a ``model.yaml`` manifest.
"""
import hashlib
import logging
import tarfile
import tempfile
from pathlib import Path

import click
import requests
import yaml

log = logging.getLogger("mlpull")

ARTIFACT_BASE = "https://artifacts.ml.internal/bundles"
STAGING_ROOT = Path("/srv/models/staging")


def download(name: str, version: str, dest: Path) -> Path:
    url = f"{ARTIFACT_BASE}/{name}/{version}.tar.gz"
    target = dest / f"{name}-{version}.tar.gz"
    with requests.get(url, stream=True, timeout=60) as resp:
        resp.raise_for_status()
        with open(target, "wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 20):
                fh.write(chunk)
    return target


def unpack(archive: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(dest)  # VULN flow
    return dest


def read_manifest(bundle_dir: Path) -> dict:
    manifest_path = bundle_dir / "model.yaml"
    with open(manifest_path, "r", encoding="utf-8") as fh:
        manifest = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    for key in ("name", "framework", "entrypoint", "sha256"):
        if key not in manifest:
            raise click.ClickException(f"manifest missing '{key}'")
    return manifest


def verify_weights(bundle_dir: Path, manifest: dict) -> None:
    weights = bundle_dir / manifest.get("weights", "model.bin")
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    if digest != manifest["sha256"]:
        raise click.ClickException("weights checksum mismatch")


@click.command()
@click.argument("name")
@click.argument("version")
@click.option("--verbose", is_flag=True)
def main(name: str, version: str, verbose: bool) -> None:
    """Download NAME at VERSION and stage it for serving."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    with tempfile.TemporaryDirectory() as tmp:
        archive = download(name, version, Path(tmp))
        bundle_dir = unpack(archive, STAGING_ROOT / name / version)
    manifest = read_manifest(bundle_dir)
    verify_weights(bundle_dir, manifest)
    click.echo(f"staged {manifest['name']} ({manifest['framework']}) at {bundle_dir}")


if __name__ == "__main__":
    main()
