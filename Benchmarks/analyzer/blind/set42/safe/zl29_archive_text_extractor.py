#!/usr/bin/env python3
"""Unpacks customer-uploaded document archives and extracts plain text
for the search indexer.

Usage: extract_archive.py --archive upload.zip --workdir /scratch/job123
"""
import argparse
import json
import logging
import os
import subprocess
import zipfile
from pathlib import Path
from typing import Dict, List

log = logging.getLogger("doc_extract")

TEXT_TYPES = {".pdf", ".txt", ".md"}
MAX_MEMBER_BYTES = 200 * 1024 * 1024


def unpack(archive: Path, workdir: Path) -> List[str]:
    extracted = []
    root = os.path.realpath(workdir)
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if info.is_dir() or info.file_size > MAX_MEMBER_BYTES:
                continue
            if os.path.splitext(info.filename)[1].lower() not in TEXT_TYPES:
                continue
            target = os.path.realpath(os.path.join(root, info.filename))
            if os.path.commonpath([root, target]) != root:
                log.warning("skipping member outside workdir: %r", info.filename)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as dst:
                dst.write(src.read(MAX_MEMBER_BYTES + 1)[:MAX_MEMBER_BYTES])
            extracted.append(target)
    return extracted


def pdf_to_text(pdf_path: str) -> str:
    txt_path = os.path.splitext(pdf_path)[0] + ".txt"
    cmd = ["pdftotext", "-layout", "-enc", "UTF-8", pdf_path, txt_path]
    subprocess.run(cmd, check=True, timeout=300)
    return txt_path


def extract_texts(files: List[str]) -> Dict[str, str]:
    texts = {}
    for path in files:
        try:
            if path.lower().endswith(".pdf"):
                path = pdf_to_text(path)
            with open(path, encoding="utf-8", errors="replace") as fh:
                texts[os.path.basename(path)] = fh.read()
        except subprocess.CalledProcessError:
            log.warning("pdftotext failed for %r", os.path.basename(path))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description="extract text from an uploaded archive")
    parser.add_argument("--archive", type=Path, required=True)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    args.workdir.mkdir(parents=True, exist_ok=True)
    files = unpack(args.archive, args.workdir)
    texts = extract_texts(files)
    out = args.out or args.workdir / "texts.json"
    out.write_text(json.dumps(texts), encoding="utf-8")
    log.info("extracted %d documents into %s", len(texts), out)


if __name__ == "__main__":
    main()
