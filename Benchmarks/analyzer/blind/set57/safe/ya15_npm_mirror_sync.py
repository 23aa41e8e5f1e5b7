"""Nightly job: mirror allow-listed npm packages into the internal registry."""
import base64
import hashlib
import logging
import os
import sys
from typing import Dict, Iterable, List

import requests

log = logging.getLogger("npm-mirror")

NPM_UPSTREAM = "https://registry.npmjs.org"
MIRROR_URL = "https://npm.mirror.corp.internal"
MIRROR_TOKEN = os.environ.get("NPM_MIRROR_TOKEN", "")
ALLOWLIST_FILE = "/etc/npm-mirror/allowlist.txt"


class MirrorClient:
    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}"})
        self.session.verify = os.environ.get("MIRROR_CA_BUNDLE", "/etc/ssl/certs/corp-ca.pem")

    def known_versions(self, name: str) -> List[str]:
        resp = self.session.get(f"{self.base_url}/{name}", timeout=20)
        if resp.status_code == 404:
            return []
        resp.raise_for_status()
        return list(resp.json().get("versions", {}))

    def publish(self, name: str, version: str, manifest: Dict, tarball: bytes) -> None:
        resp = self.session.put(
            f"{self.base_url}/{name}/-/{name}-{version}.tgz",
            data=tarball,
            headers={"Content-Type": "application/octet-stream", "X-Npm-Integrity": manifest["dist"]["integrity"]},
            timeout=120,
        )
        resp.raise_for_status()


def upstream_packument(name: str) -> Dict:
    resp = requests.get(f"{NPM_UPSTREAM}/{name}", timeout=30)
    resp.raise_for_status()
    return resp.json()


def read_allowlist(path: str = ALLOWLIST_FILE) -> Iterable[str]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                yield line


def sync_package(client: MirrorClient, name: str) -> int:
    have = set(client.known_versions(name))
    packument = upstream_packument(name)
    copied = 0
    for version, manifest in packument.get("versions", {}).items():
        if version in have:
            continue
        tarball = requests.get(manifest["dist"]["tarball"], timeout=120).content
        digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball).digest()).decode()
        if digest != manifest["dist"].get("integrity"):
            log.error("checksum mismatch for %s@%s, skipping", name, version)
            continue
        client.publish(name, version, manifest, tarball)
        copied += 1
    return copied


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if not MIRROR_TOKEN:
        log.error("NPM_MIRROR_TOKEN is not set")
        return 2
    client = MirrorClient(MIRROR_URL, MIRROR_TOKEN)
    failures = 0
    for name in read_allowlist():
        try:
            count = sync_package(client, name)
            log.info("%s: %d new version(s)", name, count)
        except requests.RequestException as exc:
            failures += 1
            log.error("%s: sync failed: %s", name, exc)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
