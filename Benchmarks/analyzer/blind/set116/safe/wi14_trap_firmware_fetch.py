#!/usr/bin/env python3
"""Pull the latest trap-gateway firmware from the vendor portal.

Runs weekly from cron on the ops box; new images are staged under
/srv/firmware/<model>/ for the OTA service to pick up.
"""
import hashlib
import json
import logging
import os
import sys
from pathlib import Path

import requests

log = logging.getLogger("fw_fetch")

VENDOR_API = "https://api.smarttrap-vendor.com/v2"
VENDOR_API_KEY = os.environ["SMARTTRAP_API_KEY"]
STAGING = Path("/srv/firmware")
MODELS = ("GW-200", "GW-210", "RT-50")


class VendorClient:
    def __init__(self, base: str, api_key: str):
        self.base = base.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {api_key}"})

    def latest(self, model: str) -> dict:
        resp = self.session.get(f"{self.base}/firmware/{model}/latest", timeout=20, verify=True)
        resp.raise_for_status()
        return resp.json()

    def download(self, url: str, dest: Path) -> str:
        digest = hashlib.sha256()
        with self.session.get(url, stream=True, timeout=60) as resp:
            resp.raise_for_status()
            with dest.open("wb") as fh:
                for chunk in resp.iter_content(chunk_size=65536):
                    fh.write(chunk)
                    digest.update(chunk)
        return digest.hexdigest()


def stage_model(client: VendorClient, model: str) -> bool:
    meta = client.latest(model)
    target_dir = STAGING / model
    target_dir.mkdir(parents=True, exist_ok=True)
    image = target_dir / f"{model}-{meta['version']}.bin"
    if image.exists():
        log.info("%s %s already staged", model, meta["version"])
        return False
    sha = client.download(meta["download_url"], image)
    if sha != meta["sha256"]:
        image.unlink()
        raise RuntimeError(f"checksum mismatch for {model} {meta['version']}")
    (target_dir / "latest.json").write_text(json.dumps(meta, indent=2))
    log.info("staged %s %s", model, meta["version"])
    return True


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    client = VendorClient(VENDOR_API, VENDOR_API_KEY)
    errors = 0
    for model in MODELS:
        try:
            stage_model(client, model)
        except (requests.RequestException, RuntimeError, KeyError) as exc:
            log.error("failed to stage %s: %s", model, exc)
            errors += 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
