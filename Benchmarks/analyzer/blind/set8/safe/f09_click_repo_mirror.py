"""Nightly job that mirrors team repositories listed in the shared registry.

Any team can register a repository in the platform registry; this CLI pulls
the list and keeps bare mirrors on the backup host.
"""
import logging
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import click
import requests

log = logging.getLogger("mirror")
REGISTRY_URL = "https://platform-registry.internal/api/v1/mirrors"
ALLOWED_REMOTE_HOSTS = frozenset({"github.com", "gitlab.internal.example.com"})


def fetch_manifest(url: str) -> list[dict]:
    resp = requests.get(url, timeout=15)
    resp.raise_for_status()
    return resp.json()["repositories"]


def is_allowed_remote(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme == "https"
        and parts.hostname in ALLOWED_REMOTE_HOSTS
        and not parts.username
        and parts.path.count("/") >= 2
    )


def build_clone_args(entry: dict, root: Path) -> list[str]:
    slug = re.sub(r"[^a-z0-9_-]+", "-", str(entry["name"]).lower()).strip("-") or "unnamed"
    dest = (root / f"{slug}.git").resolve()
    if not dest.is_relative_to(root.resolve()):
        raise ValueError(f"destination outside mirror root: {slug}")
    return ["git", "clone", "--mirror", "--", entry["remote"], str(dest)]


@click.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path),
              default=Path("/srv/mirrors"), show_default=True)
@click.option("--registry", default=REGISTRY_URL, show_default=True)
@click.option("--dry-run", is_flag=True)
def main(root: Path, registry: str, dry_run: bool) -> None:
    """Clone every registered repository that is not mirrored yet."""
    logging.basicConfig(level=logging.INFO)
    root.mkdir(parents=True, exist_ok=True)
    failures = 0
    for entry in fetch_manifest(registry):
        remote = str(entry.get("remote", ""))
        if not is_allowed_remote(remote):
            log.warning("skipping entry with unsupported remote")
            continue
        cmd = build_clone_args(entry, root)
        if Path(cmd[-1]).exists():
            continue
        if dry_run:
            click.echo(" ".join(cmd))
            continue
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        if result.returncode != 0:
            failures += 1
            log.error("clone into %s failed", cmd[-1])
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
