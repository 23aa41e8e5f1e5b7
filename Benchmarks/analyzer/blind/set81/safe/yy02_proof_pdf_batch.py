#!/usr/bin/env python3
"""Render customer-submitted HTML proofs to PDF.

Scans the proof spool for job folders containing ``manifest.json`` and an
``index.html`` (both uploaded through the order portal) and renders each job
with wkhtmltopdf into the outbox.
"""
import argparse
import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass

log = logging.getLogger("proof_render")

PAGE_SIZES = {"A4", "A5", "A3", "Letter", "Legal"}


@dataclass
class RenderOptions:
    page_size: str = "A4"
    margin_mm: int = 10
    title: str = ""
    grayscale: bool = False

    @classmethod
    def from_manifest(cls, manifest: dict) -> "RenderOptions":
        size = manifest.get("page_size", "A4")
        if size not in PAGE_SIZES:
            size = "A4"
        return cls(
            page_size=size,
            margin_mm=int(manifest.get("margin_mm", 10)),
            title=manifest.get("title", ""),
            grayscale=bool(manifest.get("grayscale")),
        )

    def to_flags(self) -> list:
        flags = ["--page-size", self.page_size,
                 "-T", f"{self.margin_mm}mm", "-B", f"{self.margin_mm}mm"]
        if self.title:
            flags += ["--title", self.title]
        if self.grayscale:
            flags.append("--grayscale")
        return flags


def render_job(job_dir: str, out_dir: str) -> bool:
    with open(os.path.join(job_dir, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    opts = RenderOptions.from_manifest(manifest)
    source = os.path.join(job_dir, "index.html")
    target = os.path.join(out_dir, os.path.basename(job_dir) + ".pdf")
    cmd = ["wkhtmltopdf", "--quiet", *opts.to_flags(), source, target]
    log.debug("rendering job %s", os.path.basename(job_dir))
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        log.error("render failed for %s (exit %d)", job_dir, result.returncode)
        return False
    log.info("rendered %s -> %s", job_dir, target)
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description="Render HTML proofs to PDF")
    parser.add_argument("--spool", default="/var/spool/proofs/incoming")
    parser.add_argument("--out", default="/var/spool/proofs/rendered")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    os.makedirs(args.out, exist_ok=True)
    failures = 0
    for name in sorted(os.listdir(args.spool)):
        job_dir = os.path.join(args.spool, name)
        if not os.path.isfile(os.path.join(job_dir, "manifest.json")):
            continue
        try:
            if not render_job(job_dir, args.out):
                failures += 1
        except (ValueError, json.JSONDecodeError):
            log.exception("bad manifest in %s", job_dir)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
