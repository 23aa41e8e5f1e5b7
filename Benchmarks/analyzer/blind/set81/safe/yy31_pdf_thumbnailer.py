"""Generate preview thumbnails for uploaded print-ready PDFs.

The upload service drops ``<order>.pdf`` together with ``<order>.json`` (the
options the customer picked in the order form) into the inbox; this job
renders the requested pages with Ghostscript for the order confirmation page.
"""
import json
import logging
import shutil
import subprocess
from pathlib import Path

import click

log = logging.getLogger("thumbnailer")


def page_window(pages: str):
    """'3' -> (3, 3); '2-5' -> (2, 5)."""
    first, _, last = str(pages).partition("-")
    return int(first), int(last or first)


def make_thumbs(pdf: Path, outdir: Path, pages: str, resolution: int) -> int:
    first, last = page_window(pages)
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [
        "gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m", f"-r{resolution}",
        f"-dFirstPage={first}", f"-dLastPage={last}",
        f"-sOutputFile={outdir}/thumb-%03d.png", str(pdf),
    ]
    return subprocess.call(cmd)


def process(sidecar: Path, outbox: Path, archive: Path, resolution: int) -> bool:
    pdf = sidecar.with_suffix(".pdf")
    if not pdf.exists():
        log.warning("sidecar %s has no PDF yet", sidecar.name)
        return False
    options = json.loads(sidecar.read_text(encoding="utf-8"))
    pages = options.get("preview_pages", "1")
    try:
        rc = make_thumbs(pdf, outbox / sidecar.stem, pages, resolution)
    except ValueError:
        log.error("bad preview_pages in %s: %r", sidecar.name, pages)
        return False
    if rc != 0:
        log.error("ghostscript failed on %s (exit %d)", pdf.name, rc)
        return False
    for f in (pdf, sidecar):
        shutil.move(str(f), archive / f.name)
    return True


@click.command()
@click.option("--inbox", type=click.Path(path_type=Path), default="/srv/uploads/inbox")
@click.option("--outbox", type=click.Path(path_type=Path), default="/srv/uploads/thumbs")
@click.option("--archive", type=click.Path(path_type=Path), default="/srv/uploads/archive")
@click.option("--resolution", type=click.IntRange(36, 300), default=72)
def main(inbox, outbox, archive, resolution):
    """Render thumbnails for every waiting upload."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    archive.mkdir(parents=True, exist_ok=True)
    done = sum(process(s, outbox, archive, resolution) for s in sorted(inbox.glob("*.json")))
    click.echo(f"rendered thumbnails for {done} upload(s)")


if __name__ == "__main__":
    main()
