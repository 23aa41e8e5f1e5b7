#!/usr/bin/env python3
"""Batch stem splitter.

Walks the upload inbox, transcodes each mix to 44.1k stereo WAV and hands it
to the separator model. Results land in <outdir>/<model>/<track>/.
"""
import argparse
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("stems")

SEPARATOR_BIN = os.environ.get("STEM_SEPARATOR", "/opt/demucs/bin/demucs")
AUDIO_EXTS = {".mp3", ".flac", ".wav", ".m4a", ".ogg"}


def find_uploads(inbox: Path):
    for entry in sorted(inbox.iterdir()):
        if entry.is_file() and entry.suffix.lower() in AUDIO_EXTS:
            yield entry


def to_wav(src: Path, workdir: Path, sample_rate: int = 44100) -> Path:
    dst = workdir / (src.stem + ".wav")
    cmd = f'ffmpeg -y -loglevel error -i "{src}" -ar {sample_rate} -ac 2 "{dst}"'
    log.info("transcoding %r", src.name)
    subprocess.run(cmd, shell=True, check=True)  # VULN flow
    return dst


def separate(wav: Path, outdir: Path, model: str) -> None:
    args = [SEPARATOR_BIN, "-n", model, "-o", str(outdir), str(wav)]
    log.info("separating %r with %s", wav.name, model)
    subprocess.run(args, check=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Split uploaded mixes into stems")
    parser.add_argument("inbox", type=Path, help="directory with uploaded mixes")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--model", default="htdemucs",
                        choices=["htdemucs", "htdemucs_ft", "mdx_extra"])
    parser.add_argument("--workdir", type=Path, default=Path("/var/tmp/stems"))
    parser.add_argument("--keep-wav", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    args.workdir.mkdir(parents=True, exist_ok=True)
    (args.inbox / "done").mkdir(exist_ok=True)

    failures = 0
    for upload in find_uploads(args.inbox):
        try:
            wav = to_wav(upload, args.workdir)
            separate(wav, args.outdir, args.model)
        except subprocess.CalledProcessError as exc:
            failures += 1
            log.error("failed on %r: exit %s", upload.name, exc.returncode)
            continue
        if not args.keep_wav:
            wav.unlink(missing_ok=True)
        shutil.move(str(upload), str(args.inbox / "done" / upload.name))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
