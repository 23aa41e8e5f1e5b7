#!/usr/bin/env python3
"""Nightly cron: prune local docker images whose tags were deleted from the registry.

Tags are pushed by every team's CI, so the registry catalog is effectively
shared input.  The job writes a report of what it removed for the on-call.
"""
import logging
import os
import sys
import tempfile
from datetime import datetime

import requests

REGISTRY = os.environ.get("REGISTRY_URL", "https://registry.internal:5000")
REGISTRY_TOKEN = os.environ.get("REGISTRY_TOKEN", "")
KEEP_PREFIXES = ("release-", "stable")

log = logging.getLogger("pruner")


def registry_get(path: str) -> dict:
    headers = {"Authorization": f"Bearer {REGISTRY_TOKEN}"} if REGISTRY_TOKEN else {}
    resp = requests.get(f"{REGISTRY}/v2/{path}", headers=headers, timeout=10)
    resp.raise_for_status()
    return resp.json()


def remote_tags() -> dict:
    catalog = registry_get("_catalog?n=1000").get("repositories", [])
    return {repo: set(registry_get(f"{repo}/tags/list").get("tags") or []) for repo in catalog}


def local_images() -> list:
    out = os.popen("docker image ls --format '{{.Repository}}:{{.Tag}}'").read()
    return [line.strip() for line in out.splitlines() if ":" in line]


def stale_images(remote: dict) -> list:
    stale = []
    for ref in local_images():
        repo, tag = ref.rsplit(":", 1)
        repo = repo.split("/", 1)[-1]
        if tag.startswith(KEEP_PREFIXES):
            continue
        if repo in remote and tag not in remote[repo]:
            stale.append(ref)
    # repos that are only known remotely: pull metadata to clean dangling layers
    for repo, tags in remote.items():
        for tag in tags:
            if tag.endswith("-tmp"):
                stale.append(f"{repo}:{tag}")
    return stale


def remove(image: str) -> bool:
    rc = os.system("docker rmi -f %s >/dev/null 2>&1" % image)  # VULN flow
    return rc == 0


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    removed = [img for img in stale_images(remote_tags()) if remove(img)]

    report_path = tempfile.mktemp(prefix="prune-report-", suffix=".txt")  # VULN
    with open(report_path, "w") as fh:
        fh.write(f"prune run {datetime.utcnow().isoformat()}Z\n")
        fh.writelines(f"{img}\n" for img in removed)
    log.info("removed %d images, report at %s", len(removed), report_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
