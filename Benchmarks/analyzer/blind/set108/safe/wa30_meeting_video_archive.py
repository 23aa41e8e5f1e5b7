#!/usr/bin/env python3
"""Nightly job: pull new council meeting recordings from the streaming
vendor, transcode them for long-term retention and file them in the
clerk's archive (closed-session recordings go to the restricted share)."""
import logging
import os
import subprocess
import sys
from datetime import date, timedelta

import requests

log = logging.getLogger("video_archive")

VENDOR_API = "https://api.meetingstream-example.com/v2"
VENDOR_MEDIA_PREFIX = "https://media.meetingstream-example.com/"
ARCHIVE_DIR = os.environ.get("VIDEO_ARCHIVE_DIR", "/srv/clerk/recordings")
RESTRICTED_DIR = os.environ.get("VIDEO_RESTRICTED_DIR", "/srv/clerk/restricted/recordings")


def fetch_recordings(since: date) -> list:
    resp = requests.get(
        f"{VENDOR_API}/recordings",
        params={"since": since.isoformat(), "client": "county-clerk"},
        headers={"Authorization": f"Bearer {os.environ['MEETINGSTREAM_TOKEN']}"},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json().get("recordings", [])


def transcode(rec: dict, workdir: str) -> str:
    src = rec["download_url"]
    title = rec.get("title", "Council meeting")
    out = os.path.join(workdir, f"{int(rec['id'])}.mp4")
    cmd = ["ffmpeg", "-y", "-loglevel", "error", "-i", src, "-metadata", f"title={title}",
           "-c:v", "libx264", "-crf", "28", "-c:a", "aac", out]
    rc = subprocess.call(cmd)
    if rc != 0:
        raise RuntimeError(f"ffmpeg failed with exit code {rc}")
    return out


def file_recording(rec: dict, path: str) -> str:
    dest_dir = RESTRICTED_DIR if rec.get("closed_session") else ARCHIVE_DIR
    os.makedirs(dest_dir, exist_ok=True)
    final_path = os.path.join(dest_dir, os.path.basename(path))
    os.replace(path, final_path)
    os.chmod(final_path, 0o640)
    return final_path


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    workdir = os.environ.get("VIDEO_WORKDIR", "/var/tmp/video_archive")
    os.makedirs(workdir, exist_ok=True)
    since = date.today() - timedelta(days=2)
    failures = 0
    for rec in fetch_recordings(since):
        if not str(rec.get("download_url", "")).startswith(VENDOR_MEDIA_PREFIX):
            log.warning("skipping recording %r with unexpected media host", rec.get("id"))
            continue
        try:
            final = file_recording(rec, transcode(rec, workdir))
        except (RuntimeError, OSError, ValueError) as exc:
            log.error("recording %r failed: %r", rec.get("id"), exc)
            failures += 1
            continue
        log.info("archived recording %r -> %s", rec.get("id"), final)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
