#!/usr/bin/env python3
"""Install plugins for the label-printer desktop helper from the team marketplace."""
import hashlib
import json
import logging
import os
import re
import sys
import zipfile
from io import BytesIO

import requests

log = logging.getLogger("plugin-installer")
MARKETPLACE = "https://plugins.labelhelper.example.com"
PLUGIN_HOME = os.path.expanduser("~/.labelhelper/plugins")
MAX_MEMBER = 20 * 1024 * 1024
NAME_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def fetch_index():
    resp = requests.get(f"{MARKETPLACE}/index.json", timeout=15)
    resp.raise_for_status()
    return {p["name"]: p for p in resp.json()["plugins"]}


def download(entry):
    resp = requests.get(entry["url"], timeout=60)
    resp.raise_for_status()
    digest = hashlib.md5(resp.content).hexdigest()  # VULN
    if digest != entry["md5"]:
        raise ValueError(f"checksum mismatch for {entry['name']}")
    return resp.content


def install(name, blob):
    if not NAME_RE.fullmatch(name):
        raise ValueError(f"invalid plugin name {name!r}")
    target = os.path.join(PLUGIN_HOME, name)
    os.makedirs(target, exist_ok=True)
    with zipfile.ZipFile(BytesIO(blob)) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            if info.file_size > MAX_MEMBER:
                raise ValueError(f"{info.filename!r} is too large")
            dest = os.path.join(target, info.filename)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with zf.open(info) as src, open(dest, "wb") as out:  # VULN flow
                out.write(src.read())
    with open(os.path.join(target, "plugin.json")) as fh:
        manifest = json.load(fh)
    log.info("installed %r version %r", manifest.get("name", name), manifest.get("version", "?"))
    return manifest


def main(names):
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    index = fetch_index()
    failed = 0
    for name in names:
        entry = index.get(name)
        if entry is None:
            log.error("no plugin called %r in the marketplace", name)
            failed += 1
            continue
        try:
            install(entry["name"], download(entry))
        except (requests.RequestException, ValueError, zipfile.BadZipFile, OSError) as exc:
            log.error("failed to install %r: %r", name, exc)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
