#!/usr/bin/env python3
"""Mirror every repository registered in the internal service catalogue.

Intended for the DR host; run hourly from cron.
"""
import argparse
import logging
import os
import re
import subprocess
import sys

import requests

log = logging.getLogger("mirror")

CATALOG_API = os.environ.get("CATALOG_API", "https://catalog.platform.internal/api")
CATALOG_CA = os.environ.get("CATALOG_CA_BUNDLE", "/etc/ssl/certs/platform-ca.pem")
MIRROR_ROOT = "/srv/mirrors"
NAME_RE = re.compile(r"^[A-Za-z0-9._-]+$")


class CatalogClient:
    def __init__(self, base_url, token):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Token {token}"

    def repositories(self, team=None):
        params = {"team": team} if team else {}
        resp = self.session.get(f"{self.base_url}/repositories", params=params,
                                timeout=20, verify=CATALOG_CA)
        resp.raise_for_status()
        return resp.json()["results"]


def mirror_path(repo):
    if not (NAME_RE.match(repo["team"]) and NAME_RE.match(repo["slug"])) or ".." in repo["slug"]:
        raise ValueError("unexpected repository name %r" % (repo["slug"],))
    return os.path.join(MIRROR_ROOT, repo["team"], repo["slug"] + ".git")


def sync(repo):
    dest = mirror_path(repo)
    clone_url = repo["clone_url"]
    if not clone_url.startswith(("https://", "ssh://", "git@")):
        raise ValueError("bad clone url %r" % clone_url)
    if os.path.isdir(dest):
        subprocess.check_call(["git", "-C", dest, "remote", "set-url", "origin", clone_url])
        cmd = ["git", "-C", dest, "remote", "update", "--prune"]
    else:
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        cmd = ["git", "clone", "--mirror", "--", clone_url, dest]
    log.info("syncing %r", repo["slug"])
    subprocess.check_call(cmd)


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
        except (subprocess.CalledProcessError, ValueError) as exc:
            errors += 1
            log.error("sync failed for %r: %s", repo["slug"], exc)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
