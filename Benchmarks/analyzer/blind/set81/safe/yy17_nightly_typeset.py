#!/usr/bin/env python3
"""Nightly typesetting run: rebuild interior PDFs for every title marked dirty.

Invoked from cron on the shared prepress host::

    15 2 * * *  typeset  /opt/typeset/bin/nightly_typeset.py --quiet
"""
import argparse
import glob
import logging
import os
import subprocess
import sys
import tempfile

log = logging.getLogger("nightly_typeset")

SOURCE_ROOT = "/srv/typeset/titles"
OUTPUT_ROOT = "/srv/typeset/output"
PREAMBLE = r"""\documentclass[11pt,twoside,openright]{memoir}
\usepackage{fontspec}
\setmainfont{EB Garamond}
\begin{document}
"""


def assemble_source(title_dir):
    parts = [PREAMBLE]
    for chapter in sorted(glob.glob(os.path.join(title_dir, "chapters", "*.tex"))):
        parts.append(f"\\input{{{chapter}}}\n")
    parts.append("\\end{document}\n")
    return "".join(parts)


def build_title(title_dir):
    slug = os.path.basename(title_dir.rstrip("/"))
    fd, workfile = tempfile.mkstemp(prefix=f"{slug}-", suffix=".tex")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(assemble_source(title_dir))

    outdir = os.path.join(OUTPUT_ROOT, slug)
    os.makedirs(outdir, exist_ok=True)
    os.chmod(outdir, 0o750)

    cmd = ["lualatex", "-interaction=nonstopmode", "-halt-on-error",
           f"-output-directory={outdir}", f"-jobname={slug}", workfile]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    finally:
        os.unlink(workfile)
    if proc.returncode != 0:
        log.error("%s: lualatex exited %d", slug, proc.returncode)
        return False
    os.remove(os.path.join(title_dir, ".dirty"))
    log.info("%s: built %s", slug, os.path.join(outdir, slug + ".pdf"))
    return True


def dirty_titles(root):
    return sorted(os.path.dirname(p) for p in glob.glob(os.path.join(root, "*", ".dirty")))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Nightly typesetting run")
    parser.add_argument("--root", default=SOURCE_ROOT)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s")
    titles = dirty_titles(args.root)
    failed = [t for t in titles if not build_title(t)]
    if failed:
        log.error("%d of %d titles failed", len(failed), len(titles))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
