"""CLI to pull community-contributed embedding tables from the model hub and
load them into the local feature cache.

    embed-pull fetch https://hub.example.org/u/someone/glove-small/embeddings.npz
"""
import hashlib
import json
import logging
import os
from pathlib import Path

import numpy as np
import requests
import typer

app = typer.Typer(help="Embedding table utilities")
log = logging.getLogger("embed-pull")

CACHE_DIR = Path(os.environ.get("EMBED_CACHE", "~/.cache/embeddings")).expanduser()
CHUNK = 1 << 20


def _download(url: str, dest: Path) -> str:
    sha = hashlib.sha256()
    with requests.get(url, stream=True, timeout=60) as resp:
        resp.raise_for_status()
        with open(dest, "wb") as fh:
            for chunk in resp.iter_content(CHUNK):
                sha.update(chunk)
                fh.write(chunk)
    return sha.hexdigest()


def load_table(path: Path):
    archive = np.load(path, allow_pickle=False)
    vectors = archive["vectors"]
    vocab = archive["vocab"]
    if vectors.ndim != 2 or len(vocab) != vectors.shape[0]:
        raise typer.BadParameter("embedding archive has inconsistent shapes")
    return list(vocab), vectors.astype(np.float32)


@app.command()
def fetch(url: str, name: str = typer.Option(None, help="local name; defaults to file stem")):
    """Download an embedding archive and register it in the local cache."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    local_name = name or Path(url.split("?")[0]).stem
    dest = CACHE_DIR / f"{local_name}.npz"
    digest = _download(url, dest)
    vocab, vectors = load_table(dest)
    meta = {"source": url, "sha256": digest, "rows": len(vocab), "dim": int(vectors.shape[1])}
    (CACHE_DIR / f"{local_name}.json").write_text(json.dumps(meta, indent=2))
    typer.echo(f"cached {local_name}: {meta['rows']} x {meta['dim']}")


@app.command()
def inspect(local_name: str, top: int = 10):
    """Print the first few vocabulary entries of a cached table."""
    vocab, vectors = load_table(CACHE_DIR / f"{local_name}.npz")
    for word, vec in zip(vocab[:top], vectors[:top]):
        typer.echo(f"{word:<20} |v|={np.linalg.norm(vec):.3f}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
