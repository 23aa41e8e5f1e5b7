"""Install reporting plugins from the internal plugin registry."""
import argparse
import hashlib
import io
import logging
import os
import re
import sys
import tarfile
from pathlib import Path
from urllib.parse import quote

import requests

log = logging.getLogger("plugins")

REGISTRY = os.environ.get("PLUGIN_REGISTRY", "https://plugins.internal.example.com")
PLUGIN_DIR = Path(os.environ.get("PLUGIN_DIR", "/opt/reporting/plugins"))
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{1,63}$")
VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")


def _plugin_url(name: str, version: str, suffix: str = "") -> str:
    return f"{REGISTRY}/api/plugins/{quote(name, safe='')}/{quote(version, safe='')}{suffix}"


def fetch_manifest(name: str, version: str) -> dict:
    resp = requests.get(_plugin_url(name, version), timeout=15)
    resp.raise_for_status()
    return resp.json()


def download_bundle(name: str, version: str, expected_sha256: str) -> bytes:
    resp = requests.get(_plugin_url(name, version, "/bundle"), timeout=60)
    resp.raise_for_status()
    bundle = resp.content
    if hashlib.sha256(bundle).hexdigest() != expected_sha256:
        raise ValueError("bundle checksum mismatch")
    return bundle


def unpack(bundle: bytes, destination: Path) -> None:
    destination.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(bundle), mode="r:gz") as archive:
        archive.extractall(destination)  # VULN flow


def install(name: str, version: str) -> Path:
    manifest = fetch_manifest(name, version)
    bundle = download_bundle(name, version, manifest["sha256"])
    destination = PLUGIN_DIR / name / version
    unpack(bundle, destination)
    (PLUGIN_DIR / name / "current").write_text(version, encoding="utf-8")
    return destination


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("name")
    parser.add_argument("version")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    if not NAME_RE.fullmatch(args.name) or not VERSION_RE.fullmatch(args.version):
        parser.error("invalid plugin name or version")
    try:
        path = install(args.name, args.version)
    except (requests.RequestException, ValueError, tarfile.TarError) as exc:
        log.error("install of %r failed: %r", args.name, str(exc))
        return 1
    log.info("installed %r %r into %r", args.name, args.version, str(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
