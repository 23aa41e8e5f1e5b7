#!/usr/bin/env python3
"""Keep local mirrors of upstream repositories for the build farm."""
import logging
import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import click

log = logging.getLogger("mirror")

MIRROR_ROOT = os.environ.get("MIRROR_ROOT", "/srv/git-mirrors")
ALLOWED_SCHEMES = {"https", "ssh"}


def mirror_name(url: str) -> str:
    tail = url.rstrip("/").rsplit("/", 1)[-1]
    name = re.sub(r"\.git$", "", tail)
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name) or "repo"


def clone_command(url: str, branch: str, target: str, depth: int) -> list:
    if urlsplit(url).scheme not in ALLOWED_SCHEMES:
        raise click.BadParameter("only https:// and ssh:// remotes are supported", param_hint="URL")
    cmd = ["git", "clone", "--single-branch"]
    if depth:
        cmd += ["--depth", str(depth)]
    if branch:
        cmd += ["--branch", branch]
    cmd += ["--", url, target]
    return cmd


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument("url")
@click.option("--branch", default="main", show_default=True)
@click.option("--depth", type=int, default=0, help="shallow clone depth (0 = full history)")
def add(url, branch, depth):
    """Clone URL into the mirror root."""
    target = os.path.join(MIRROR_ROOT, mirror_name(url))
    if os.path.exists(target):
        raise click.ClickException(f"mirror already exists: {target}")
    cmd = clone_command(url, branch, target, depth)
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise click.ClickException(result.stderr.strip() or "git clone failed")
    click.echo(f"mirrored into {target}")


@cli.command()
def refresh():
    """Fetch updates for every existing mirror."""
    failures = 0
    for name in sorted(os.listdir(MIRROR_ROOT)):
        path = os.path.join(MIRROR_ROOT, name)
        if not os.path.isdir(os.path.join(path, ".git")):
            continue
        proc = subprocess.run(["git", "-C", path, "pull", "--ff-only"], capture_output=True, text=True)
        if proc.returncode != 0:
            failures += 1
            log.warning("refresh failed for %r", name)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    cli()
