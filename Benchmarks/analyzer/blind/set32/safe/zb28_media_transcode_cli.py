#!/usr/bin/env python3
"""Transcode contributor uploads from the drop folder into streaming renditions."""
import argparse
import logging
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

logger = logging.getLogger("transcode")

PRESETS = {
    "720p": "-c:v libx264 -preset medium -crf 22 -vf scale=-2:720 -c:a aac -b:a 128k",
    "1080p": "-c:v libx264 -preset slow -crf 20 -vf scale=-2:1080 -c:a aac -b:a 192k",
    "audio": "-vn -c:a aac -b:a 160k",
}
VIDEO_SUFFIXES = {".mp4", ".mov", ".mkv", ".avi", ".webm"}


class DropFolder:
    def __init__(self, inbox, outbox):
        self.inbox = Path(inbox).resolve()
        self.outbox = Path(outbox).resolve()

    def pending(self):
        for entry in sorted(self.inbox.iterdir()):
            if entry.is_file() and entry.suffix.lower() in VIDEO_SUFFIXES:
                yield entry

    def output_for(self, source, preset):
        return self.outbox / f"{source.stem}.{preset}.mp4"


def transcode(source, target, preset):
    command = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", str(source),
               *shlex.split(PRESETS[preset]), str(target)]
    result = subprocess.run(command, check=False, timeout=6 * 3600)
    return result.returncode == 0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inbox", default="/srv/dropbox/incoming")
    parser.add_argument("--outbox", default="/srv/dropbox/renditions")
    parser.add_argument("--preset", choices=sorted(PRESETS), action="append", required=True)
    parser.add_argument("--archive", default="/srv/dropbox/processed")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    folder = DropFolder(args.inbox, args.outbox)
    failures = 0
    for source in folder.pending():
        started = time.monotonic()
        ok = all(transcode(source, folder.output_for(source, p), p) for p in args.preset)
        if ok:
            os.replace(source, os.path.join(args.archive, source.name))
            logger.info("transcoded %r in %.1fs", source.name, time.monotonic() - started)
        else:
            failures += 1
            logger.error("transcode failed for %r", source.name)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
