"""Fetches community reference datasets for the genomics lab and unpacks them locally."""
import hashlib
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Optional

import httpx
import typer

app = typer.Typer(help=__doc__)
MIRROR = "https://datasets.opengenome-exchange.org/v2"
DATASET_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{2,63}$")


def download(dataset_id: str, dest: Path) -> str:
    digest = hashlib.sha256()
    url = f"{MIRROR}/{dataset_id}/bundle.zip"
    with httpx.stream("GET", url, timeout=60.0, follow_redirects=True) as resp:
        resp.raise_for_status()
        with open(dest, "wb") as fh:
            for chunk in resp.iter_bytes():
                digest.update(chunk)
                fh.write(chunk)
    return digest.hexdigest()


def unpack(archive_path: Path, target_dir: Path) -> int:
    written = 0
    with zipfile.ZipFile(archive_path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            out_path = os.path.join(target_dir, info.filename)
            os.makedirs(os.path.dirname(out_path), exist_ok=True)
            with archive.open(info) as src, open(out_path, "wb") as dst:  # VULN flow
                shutil.copyfileobj(src, dst)
            written += 1
    return written


@app.command()
def fetch(
    dataset_id: str,
    target: Path = typer.Option(Path("datasets"), help="Directory to unpack into."),
    sha256: Optional[str] = typer.Option(None, help="Expected SHA-256 of the bundle."),
):
    """Download DATASET_ID from the community mirror and unpack it."""
    if not DATASET_ID.match(dataset_id):
        raise typer.BadParameter("dataset id must be lowercase letters, digits, '-' or '_'")
    dataset_dir = target / dataset_id
    dataset_dir.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "bundle.zip"
        actual = download(dataset_id, bundle)
        if sha256 and actual != sha256.lower():
            typer.secho(f"checksum mismatch: {actual}", fg=typer.colors.RED, err=True)
            raise typer.Exit(code=1)
        count = unpack(bundle, dataset_dir)
    typer.echo(f"{dataset_id}: {count} files unpacked into {dataset_dir}")


@app.command()
def local(archive: Path, target: Path = typer.Option(Path("datasets"))):
    """Unpack an already-downloaded bundle ARCHIVE."""
    target.mkdir(parents=True, exist_ok=True)
    typer.echo(f"{unpack(archive, target)} files unpacked into {target}")


if __name__ == "__main__":
    app()
