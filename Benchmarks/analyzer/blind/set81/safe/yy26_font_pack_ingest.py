"""Ingest font packs uploaded by partner foundries into the shared font library."""
import logging
import shutil
import zipfile
from pathlib import Path

import typer

app = typer.Typer(help="Font pack ingestion")
log = logging.getLogger("fontpacks")

FONT_SUFFIXES = {".otf", ".ttf", ".woff", ".woff2"}
DOC_SUFFIXES = {".txt", ".pdf", ".md"}
INBOX = Path("/srv/foundry-uploads/inbox")
LIBRARY = Path("/srv/fontlib/families")
DONE = Path("/srv/foundry-uploads/processed")


def wanted(name: str) -> bool:
    return Path(name).suffix.lower() in FONT_SUFFIXES | DOC_SUFFIXES


def extract_pack(archive_path: Path, dest: Path) -> list:
    installed = []
    root = dest.resolve()
    with zipfile.ZipFile(archive_path) as zf:
        for info in zf.infolist():
            if info.is_dir() or not wanted(info.filename):
                continue
            target = (root / info.filename).resolve()
            if not target.is_relative_to(root):
                log.warning("skipping entry outside pack root: %r", info.filename)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            installed.append(info.filename)
    return installed


@app.command()
def ingest(
    inbox: Path = typer.Option(INBOX, help="Directory with uploaded .zip packs"),
    library: Path = typer.Option(LIBRARY, help="Font library root"),
    dry_run: bool = typer.Option(False, "--dry-run"),
):
    """Unpack every waiting font pack into <library>/<foundry>/."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    packs = sorted(inbox.glob("*/*.zip"))
    if not packs:
        typer.echo("nothing to ingest")
        raise typer.Exit(0)
    for pack in packs:
        foundry = pack.parent.name
        dest = library / foundry
        if dry_run:
            with zipfile.ZipFile(pack) as zf:
                typer.echo(f"{pack.name}: {sum(wanted(n) for n in zf.namelist())} files")
            continue
        try:
            files = extract_pack(pack, dest)
        except zipfile.BadZipFile:
            log.error("corrupt pack from foundry %r: %r", foundry, pack.name)
            continue
        (DONE / foundry).mkdir(parents=True, exist_ok=True)
        shutil.move(str(pack), DONE / foundry / pack.name)
        log.info("foundry %r: installed %d files from %r", foundry, len(files), pack.name)


if __name__ == "__main__":
    app()
