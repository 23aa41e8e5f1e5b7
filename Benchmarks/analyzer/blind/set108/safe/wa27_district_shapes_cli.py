"""Fetch and unpack redistricting shapefile bundles published by the state
redistricting commission, ready for the precinct-to-district crosswalk job."""
import logging
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import List

import requests
import typer

app = typer.Typer(help="District boundary bundle tools")
log = logging.getLogger("district_shapes")

DEFAULT_DEST = Path("/srv/gis/districts")
SHAPE_EXTS = {".shp", ".shx", ".dbf", ".prj", ".cpg", ".xml"}


def download(url: str, into: Path) -> Path:
    target = into / "bundle.zip"
    with requests.get(url, timeout=60, stream=True) as resp:
        resp.raise_for_status()
        with target.open("wb") as fh:
            for chunk in resp.iter_content(1 << 16):
                fh.write(chunk)
    return target


def unpack(archive: Path, target: Path) -> List[Path]:
    written = []
    root = target.resolve()
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if info.is_dir() or Path(info.filename).suffix.lower() not in SHAPE_EXTS:
                continue
            out_path = (root / info.filename).resolve()
            if not out_path.is_relative_to(root):
                log.warning("skipping member outside plan dir: %r", info.filename)
                continue
            out_path.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(out_path, "wb") as dst:
                shutil.copyfileobj(src, dst)
            written.append(out_path)
    return written


@app.command()
def fetch(
    url: str = typer.Argument(..., help="URL of the commission's shapefile bundle (.zip)"),
    plan: str = typer.Option(..., help="plan name, e.g. congress-2022"),
    dest: Path = typer.Option(DEFAULT_DEST, help="root directory for district layers"),
):
    """Download a bundle and unpack the shapefile members under DEST/PLAN."""
    logging.basicConfig(level=logging.INFO)
    plan_dir = dest / plan
    plan_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        archive = download(url, Path(tmp))
        files = unpack(archive, plan_dir)
    typer.echo(f"unpacked {len(files)} files into {plan_dir}")


@app.command("list")
def list_plans(dest: Path = typer.Option(DEFAULT_DEST)):
    """Show plans already unpacked."""
    for plan_dir in sorted(p for p in dest.iterdir() if p.is_dir()):
        layers = sorted(p.stem for p in plan_dir.rglob("*.shp"))
        typer.echo(f"{plan_dir.name}: {', '.join(layers) or '(no layers)'}")


if __name__ == "__main__":
    app()
