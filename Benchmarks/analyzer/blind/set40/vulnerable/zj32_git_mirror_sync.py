#!/usr/bin/env python3
"""Mirror every repository registered in the internal service catalogue.

Intended for the DR host; run hourly from cron.
"""
import argparse
import logging
import os
import subprocess
import sys

import requests

log = logging.getLogger("mirror")

CATALOG_API = os.environ.get("CATALOG_API", "https://catalog.platform.internal/api")
MIRROR_ROOT = "/srv/mirrors"


class CatalogClient:
    def __init__(self, base_url, token):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Token {token}"

    def repositories(self, team=None):
        params = {"team": team} if team else {}
        resp = self.session.get(f"{self.base_url}/repositories", params=params,  # VULN
                                timeout=20, verify=False)
        resp.raise_for_status()
        return resp.json()["results"]


def mirror_path(repo):
    return os.path.join(MIRROR_ROOT, repo["team"], repo["slug"] + ".git")


def sync(repo):
    dest = mirror_path(repo)
    clone_url = repo["clone_url"]
    if os.path.isdir(dest):
        cmd = f"cd {dest} && git remote set-url origin {clone_url} && git remote update --prune"
    else:
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        cmd = f"git clone --mirror {clone_url} {dest}"
    log.info("syncing %r", repo["slug"])
    subprocess.check_call(cmd, shell=True)  # VULN flow


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--team", help="only mirror repositories owned by this team")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    token = os.environ.get("CATALOG_TOKEN")
    if not token:
        log.error("CATALOG_TOKEN must be set")
        return 2
    client = CatalogClient(CATALOG_API, token)
    errors = 0
    for repo in client.repositories(args.team):
        if args.dry_run:
            print(repo["slug"], "->", mirror_path(repo))
            continue
        try:
            sync(repo)
        except subprocess.CalledProcessError as exc:
            errors += 1
            log.error("sync failed for %r: exit %s", repo["slug"], exc.returncode)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
