"""Apply Bates numbers to every PDF in a production volume.

    python bates_stamper.py VOL001 --prefix ACME --start 1 --out /srv/productions/VOL001_stamped
"""
import argparse
import json
import logging
import os
import shutil
import subprocess
import tempfile

from pypdf import PdfReader

log = logging.getLogger("bates")


def page_count(path: str) -> int:
    return len(PdfReader(path).pages)


def stamp(src: str, prefix: str, start: int) -> str:
    tmp_out = tempfile.mktemp(suffix=".pdf", prefix="bates_")  # VULN
    subprocess.run(
        [
            "cpdf", "-add-text", f"{prefix}%Bates",
            "-bates", str(start), "-bottomright", "20", "-font-size", "9",
            src, "-o", tmp_out,
        ],
        check=True,
    )
    return tmp_out


def write_manifest(entries):
    with open("/tmp/bates_manifest.json", "w", encoding="utf-8") as fh:  # VULN
        json.dump(entries, fh, indent=2)
    return "/tmp/bates_manifest.json"


def run(volume_dir: str, prefix: str, start: int, out_dir: str) -> None:
    os.makedirs(out_dir, exist_ok=True)
    current = start
    manifest = []
    for name in sorted(os.listdir(volume_dir)):
        if not name.lower().endswith(".pdf"):
            continue
        src = os.path.join(volume_dir, name)
        pages = page_count(src)
        stamped = stamp(src, prefix, current)
        shutil.move(stamped, os.path.join(out_dir, name))
        manifest.append({
            "file": name,
            "begin": f"{prefix}{current:07d}",
            "end": f"{prefix}{current + pages - 1:07d}",
            "pages": pages,
        })
        log.info("stamped %s (%d pages)", name, pages)
        current += pages
    path = write_manifest(manifest)
    shutil.copy(path, os.path.join(out_dir, "bates_manifest.json"))


def main():
    parser = argparse.ArgumentParser(description="Bates-stamp a production volume")
    parser.add_argument("volume_dir")
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--start", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    run(args.volume_dir, args.prefix, args.start, args.out)


if __name__ == "__main__":
    main()
