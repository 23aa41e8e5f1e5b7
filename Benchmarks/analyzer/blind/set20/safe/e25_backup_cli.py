#!/usr/bin/env python3
"""Nightly backup of every project checkout under /srv/projects.

Each project may ship a `.backup.json` manifest in its repository root:
    {"label": "billing-api", "exclude": ["node_modules", "*.log"]}
"""
import argparse
import json
import logging
import os
import re
import subprocess
from datetime import date
from pathlib import Path
from typing import List, Optional

log = logging.getLogger("backup")
LABEL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class Manifest:
    def __init__(self, project_dir: Path):
        self.project_dir = project_dir
        self.label = project_dir.name
        self.exclude: List[str] = []
        self._load()

    def _load(self) -> None:
        path = self.project_dir / ".backup.json"
        if not path.is_file():
            return
        data = json.loads(path.read_text())
        label = str(data.get("label", self.label))
        if LABEL_RE.fullmatch(label) and ".." not in label:
            self.label = label
        self.exclude = [str(p) for p in data.get("exclude", [])]


def archive_name(dest: Path, manifest: Manifest) -> Path:
    return dest / f"{manifest.label}-{date.today():%Y%m%d}.tar.gz"


def backup_project(project_dir: Path, dest: Path, dry_run: bool = False) -> Optional[Path]:
    manifest = Manifest(project_dir)
    target = archive_name(dest, manifest)
    excludes = [f"--exclude={pattern}" for pattern in manifest.exclude]
    cmd = ["tar", "-czf", str(target), *excludes, "-C", str(project_dir.parent), "--", project_dir.name]
    if dry_run:
        print(" ".join(cmd))
        return None
    subprocess.run(cmd, check=True)
    os.chmod(target, 0o600)
    return target


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Back up project checkouts")
    ap.add_argument("--root", type=Path, default=Path("/srv/projects"))
    ap.add_argument("--dest", type=Path, default=Path("/backups/projects"))
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    args.dest.mkdir(parents=True, exist_ok=True)
    failures = 0
    for project in sorted(p for p in args.root.iterdir() if p.is_dir()):
        try:
            out = backup_project(project, args.dest, args.dry_run)
            if out:
                log.info("backed up %s -> %s", project.name, out.name)
        except (subprocess.CalledProcessError, json.JSONDecodeError) as exc:
            failures += 1
            log.error("backup of %s failed: %r", project.name, exc)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
