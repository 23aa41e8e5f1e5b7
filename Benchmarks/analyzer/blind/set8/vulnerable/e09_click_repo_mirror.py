"""Nightly job that mirrors team repositories listed in the shared registry.

Any team can register a repository in the platform registry; this CLI pulls
the list and keeps bare mirrors on the backup host.
"""
import logging
import re
import subprocess
from pathlib import Path

import click
import requests

log = logging.getLogger("mirror")
REGISTRY_URL = "https://platform-registry.internal/api/v1/mirrors"


def fetch_manifest(url: str) -> list[dict]:
    resp = requests.get(url, timeout=15)
    resp.raise_for_status()
    return resp.json()["repositories"]


def build_clone_args(entry: dict, root: Path) -> list[str]:
    slug = re.sub(r"[^a-z0-9_-]+", "-", entry["name"].lower()).strip("-")
    args = ["git", "clone", "--mirror"]
    if entry.get("depth"):
        args.append(f"--depth={int(entry['depth'])}")
    args += [entry["remote"], str(root / f"{slug}.git")]
    return args


@click.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path),
              default=Path("/srv/mirrors"), show_default=True)
@click.option("--registry", default=REGISTRY_URL, show_default=True)
@click.option("--dry-run", is_flag=True)
def main(root: Path, registry: str, dry_run: bool) -> None:
    """Clone or refresh every registered repository."""
    logging.basicConfig(level=logging.INFO)
    root.mkdir(parents=True, exist_ok=True)
    failures = 0
    for entry in fetch_manifest(registry):
        cmd = build_clone_args(entry, root)
        if Path(cmd[-1]).exists():
            continue
        if dry_run:
            click.echo(" ".join(cmd))
            continue
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=900)  # VULN flow
        if result.returncode != 0:
            failures += 1
            log.error("clone of %s failed", cmd[-1])
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
