#!/usr/bin/env python3
"""Stage fill-level sensor firmware bundles for over-the-air rollout.

The hardware vendor uploads ``<release>.tar.gz`` bundles to the SFTP inbox;
this worker unpacks each one into the OTA staging tree and registers it.
"""
import json
import logging
import os
import re
import shutil
import sys
import tarfile
import time

log = logging.getLogger("fw_stager")

INBOX = os.environ.get("FW_INBOX", "/srv/sftp/vendor-fw/inbox")
STAGING = os.environ.get("FW_STAGING", "/srv/ota/staging")
DONE = os.environ.get("FW_DONE", "/srv/sftp/vendor-fw/processed")
RELEASE_RE = re.compile(r"^fw-\d+\.\d+\.\d+(-rc\d+)?$")


def release_name(bundle: str) -> str:
    name = os.path.basename(bundle)
    for ext in (".tar.gz", ".tgz"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    if not RELEASE_RE.match(name):
        raise ValueError(f"unexpected bundle name {name!r}")
    return name


def checked_members(tf: tarfile.TarFile, dest: str):
    root = os.path.realpath(dest)
    for member in tf.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"refusing special member {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, target]) != root:
            raise ValueError(f"member escapes staging dir: {member.name!r}")
        yield member


def unpack(bundle: str, dest: str) -> list:
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(bundle, "r:gz") as tf:
        members = list(checked_members(tf, dest))
        names = [m.name for m in members]
        tf.extractall(dest, members=members)
    return names


def register(release: str, dest: str, files: list) -> None:
    manifest_path = os.path.join(dest, "manifest.json")
    with open(manifest_path) as fh:
        manifest = json.load(fh)
    entry = {"release": release, "files": files, "models": manifest.get("models", []),
             "staged_at": int(time.time())}
    with open(os.path.join(STAGING, "index.jsonl"), "a") as fh:
        fh.write(json.dumps(entry) + "\n")


def process_inbox() -> int:
    staged = 0
    for name in sorted(os.listdir(INBOX)):
        bundle = os.path.join(INBOX, name)
        if not name.endswith((".tar.gz", ".tgz")):
            continue
        try:
            release = release_name(bundle)
            dest = os.path.join(STAGING, release)
            files = unpack(bundle, dest)
            register(release, dest, files)
            shutil.move(bundle, os.path.join(DONE, name))
            staged += 1
            log.info("staged %s (%d files)", release, len(files))
        except (tarfile.TarError, ValueError, OSError) as exc:
            log.error("could not stage %r: %s", name, exc)
    return staged


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(0 if process_inbox() >= 0 else 1)
