"""CLI that imports partner content bundles (zip files) into the CMS media store."""
import hashlib
import json
import logging
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import click

logger = logging.getLogger("cms.bundles")

MEDIA_ROOT = Path(os.environ.get("CMS_MEDIA_ROOT", "/srv/cms/media"))


@dataclass
class BundleManifest:
    partner: str
    version: str
    files: list = field(default_factory=list)

    @classmethod
    def from_zip(cls, zf: zipfile.ZipFile) -> "BundleManifest":
        data = json.loads(zf.read("manifest.json"))
        return cls(partner=data["partner"], version=data["version"], files=data.get("files", []))


class BundleImporter:
    def __init__(self, media_root: Path = MEDIA_ROOT, dry_run: bool = False):
        self.media_root = media_root
        self.dry_run = dry_run
        self.imported = []

    def _extract_member(self, zf: zipfile.ZipFile, member: zipfile.ZipInfo, dest: str) -> str:
        target = os.path.join(dest, member.filename)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with zf.open(member) as src, open(target, "wb") as out:  # VULN flow
            shutil.copyfileobj(src, out)
        return target

    def run(self, bundle_path: str) -> BundleManifest:
        with zipfile.ZipFile(bundle_path) as zf:
            manifest = BundleManifest.from_zip(zf)
            dest = str(self.media_root / manifest.partner)
            for member in zf.infolist():
                if member.is_dir() or member.filename == "manifest.json":
                    continue
                if self.dry_run:
                    click.echo(f"would extract {member.filename}")
                    continue
                self.imported.append(self._extract_member(zf, member, dest))
        return manifest


def fetch_bundle(url: str) -> str:
    import requests

    local = tempfile.mktemp(suffix=".zip")  # VULN
    with requests.get(url, stream=True, timeout=60) as resp, open(local, "wb") as fh:
        resp.raise_for_status()
        shutil.copyfileobj(resp.raw, fh)
    return local


@click.command()
@click.argument("bundle")
@click.option("--dry-run", is_flag=True, help="List files without writing them.")
@click.option("--sha256", default=None, help="Expected checksum of the bundle.")
def main(bundle: str, dry_run: bool, sha256: str) -> None:
    """Import BUNDLE (a local path or partner https URL)."""
    logging.basicConfig(level=logging.INFO)
    path = fetch_bundle(bundle) if bundle.startswith("https://") else bundle
    if sha256:
        with open(path, "rb") as fh:
            if hashlib.sha256(fh.read()).hexdigest() != sha256:
                raise click.ClickException("checksum mismatch")
    importer = BundleImporter(dry_run=dry_run)
    manifest = importer.run(path)
    click.echo(f"{manifest.partner} {manifest.version}: {len(importer.imported)} files imported")


if __name__ == "__main__":
    main()
