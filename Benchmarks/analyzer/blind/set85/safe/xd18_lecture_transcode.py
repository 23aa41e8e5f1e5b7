#!/usr/bin/env python3
"""Transcode instructor-uploaded lecture videos into streaming renditions.

Reads the upload manifest produced by the authoring service (one JSON object
per line) and writes 360p/720p/1080p MP4 renditions next to each upload.
"""
import argparse
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("media.transcode")

UPLOAD_ROOT = Path(os.environ.get("UPLOAD_ROOT", "/srv/mooc/uploads")).resolve()
RENDITIONS = (360, 720, 1080)


def load_manifest(path: Path) -> list[dict]:
    entries = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                entries.append(json.loads(line))
    return entries


def source_path(entry: dict) -> Path:
    # uploads keep the instructor's original file name inside the course folder
    course_dir = UPLOAD_ROOT / str(int(entry["course_id"]))
    return course_dir / Path(entry["original_name"]).name


def transcode(src: Path, out_dir: Path, height: int, crf: int) -> bool:
    dst = out_dir / f"{src.stem}_{height}p.mp4"
    cmd = [
        "ffmpeg", "-y", "-loglevel", "error", "-i", str(src), "-vf", f"scale=-2:{height}",
        "-c:v", "libx264", "-preset", "veryfast", "-crf", str(crf), "-c:a", "aac",
        "-movflags", "+faststart", str(dst),
    ]
    log.debug("running %r", cmd)
    return subprocess.run(cmd, check=False).returncode == 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="transcode lecture uploads")
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--crf", type=int, default=23)
    parser.add_argument("--only", type=int, choices=RENDITIONS, action="append")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    failures = 0
    for entry in load_manifest(args.manifest):
        src = source_path(entry)
        if not src.is_file():
            log.warning("missing upload for lecture %s", entry.get("lecture_id"))
            failures += 1
            continue
        out_dir = src.parent / "renditions"
        out_dir.mkdir(exist_ok=True)
        for height in args.only or RENDITIONS:
            if not transcode(src, out_dir, height, args.crf):
                log.error("ffmpeg failed for lecture %s at %dp", entry.get("lecture_id"), height)
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
