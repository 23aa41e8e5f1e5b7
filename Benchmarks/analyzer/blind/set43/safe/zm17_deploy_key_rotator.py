#!/usr/bin/env python3
"""Rotate per-repository GitHub deploy keys used by the build agents.

For each repo in repos.txt: generate a fresh ed25519 key, register the public
half as a read-only deploy key, drop the old one, and store the private key
under /etc/build-agent/keys so the agent's ssh config can pick it up.
"""
import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

import requests

GITHUB_API = "https://api.github.com"
KEY_DIR = Path("/etc/build-agent/keys")
KEY_TITLE_PREFIX = "build-agent-"

log = logging.getLogger("keyrotate")


class GitHub:
    def __init__(self, token: str, org: str):
        self.org = org
        self.session = requests.Session()
        self.session.headers.update({
            "Authorization": f"Bearer {token}",
            "Accept": "application/vnd.github+json",
        })

    def keys(self, repo: str) -> list:
        r = self.session.get(f"{GITHUB_API}/repos/{self.org}/{repo}/keys", timeout=10)
        r.raise_for_status()
        return r.json()

    def add_key(self, repo: str, title: str, public_key: str) -> int:
        body = {"title": title, "key": public_key, "read_only": True}
        r = self.session.post(f"{GITHUB_API}/repos/{self.org}/{repo}/keys", json=body, timeout=10)
        r.raise_for_status()
        return r.json()["id"]

    def delete_key(self, repo: str, key_id: int) -> None:
        r = self.session.delete(f"{GITHUB_API}/repos/{self.org}/{repo}/keys/{key_id}", timeout=10)
        r.raise_for_status()


def generate_keypair(repo: str) -> Path:
    KEY_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    key_path = KEY_DIR / f"{repo}_ed25519"
    for p in (key_path, key_path.with_suffix(".pub")):
        if p.exists():
            p.unlink()
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"{KEY_TITLE_PREFIX}{repo}", "-f", str(key_path)],
        check=True,
    )
    os.chmod(key_path, 0o600)
    return key_path


def rotate(gh: GitHub, repo: str) -> None:
    old = [k for k in gh.keys(repo) if k["title"].startswith(KEY_TITLE_PREFIX)]
    key_path = generate_keypair(repo)
    public_key = Path(str(key_path) + ".pub").read_text().strip()
    new_id = gh.add_key(repo, f"{KEY_TITLE_PREFIX}{repo}", public_key)
    for k in old:
        gh.delete_key(repo, k["id"])
    log.info("%s: new key id=%s, removed %d old keys", repo, new_id, len(old))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--org", default="acme-platform")
    ap.add_argument("--repos", type=Path, default=Path("/etc/build-agent/repos.txt"))
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    gh = GitHub(os.environ["GITHUB_TOKEN"], args.org)
    repos = [line.strip() for line in args.repos.read_text().splitlines() if line.strip()]
    for repo in repos:
        rotate(gh, repo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
