#!/usr/bin/env python3
"""Render nightly podcast mixdowns and publish them to the CDN origin.

Each project folder under PROJECTS holds voice.wav, bed.wav and episode.json.
Runs from cron on the shared render host as the 'studio' user.
"""
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PUBLISH_DIR = Path("/srv/cdn-origin/podcasts")
PROJECTS = Path("/srv/studio/projects")
LOUDNESS_DB = "-1"

log = logging.getLogger("mixdown")


def render(project: Path) -> Path:
    fd, out = tempfile.mkstemp(suffix=".mp3", prefix="mixdown-")
    os.close(fd)
    cmd = [
        "sox", "-m",
        str(project / "voice.wav"),
        str(project / "bed.wav"),
        "-C", "192", out,
        "norm", LOUDNESS_DB,
    ]
    subprocess.run(cmd, check=True, capture_output=True)
    return Path(out)


def publish(rendered: Path, episode_id: str) -> Path:
    PUBLISH_DIR.mkdir(parents=True, exist_ok=True)
    dest = PUBLISH_DIR / f"{episode_id}.mp3"
    shutil.move(str(rendered), dest)
    os.chmod(dest, 0o644)
    return dest


def pending_projects():
    for project in sorted(PROJECTS.iterdir()):
        meta_file = project / "episode.json"
        if not meta_file.is_file() or (project / ".published").exists():
            continue
        yield project, json.loads(meta_file.read_text())


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    done = 0
    for project, meta in pending_projects():
        episode_id = meta["episode_id"]
        try:
            rendered = render(project)
        except subprocess.CalledProcessError as exc:
            log.error("sox failed for %s: %s", project.name, exc.stderr[-400:])
            continue
        dest = publish(rendered, episode_id)
        (project / ".published").write_text(str(dest))
        log.info("published %s -> %s", project.name, dest)
        done += 1
    log.info("%d episode(s) published", done)
    return 0


if __name__ == "__main__":
    sys.exit(main())
