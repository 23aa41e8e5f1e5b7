"""Nightly job: pull pending demo (.dem) uploads, stage them, and hand off to the parser farm."""
import gzip
import logging
import os
import shutil
import tempfile
from pathlib import Path

import requests
import typer

app = typer.Typer(help="Demo staging utilities")
log = logging.getLogger("demo_stage")

UPLOAD_API = os.environ.get("UPLOAD_API", "https://uploads.internal.arenaforge.gg")
PARSER_INBOX = Path(os.environ.get("PARSER_INBOX", "/srv/parser/inbox"))


def pending_uploads(limit: int):
    resp = requests.get(f"{UPLOAD_API}/demos/pending", params={"limit": limit}, timeout=15)
    resp.raise_for_status()
    return resp.json()["items"]


def fetch_to_staging(item: dict) -> str:
    fd, staging_path = tempfile.mkstemp(suffix=".dem", prefix=f"demo_{int(item['id'])}_")
    with requests.get(item["download_url"], stream=True, timeout=60) as resp:
        resp.raise_for_status()
        with os.fdopen(fd, "wb") as out:
            for chunk in resp.iter_content(chunk_size=1 << 16):
                out.write(chunk)
    return staging_path


def decompress_if_needed(path: str) -> str:
    with open(path, "rb") as fh:
        magic = fh.read(2)
    if magic != b"\x1f\x8b":
        return path
    fd, plain = tempfile.mkstemp(suffix=".raw.dem")
    with gzip.open(path, "rb") as src, os.fdopen(fd, "wb") as dst:
        shutil.copyfileobj(src, dst)
    os.unlink(path)
    return plain


def hand_off(path: str, demo_id: int) -> Path:
    PARSER_INBOX.mkdir(parents=True, exist_ok=True)
    target = PARSER_INBOX / f"{demo_id}.dem"
    shutil.move(path, target)
    # parser workers share the "demoparse" group
    os.chmod(target, 0o640)
    return target


@app.command()
def stage(limit: int = typer.Option(50, help="max demos to stage per run")) -> None:
    logging.basicConfig(level=logging.INFO)
    for item in pending_uploads(limit):
        try:
            path = decompress_if_needed(fetch_to_staging(item))
            target = hand_off(path, int(item["id"]))
        except (requests.RequestException, OSError) as exc:
            log.error("demo %r failed: %r", item.get("id"), exc)
            continue
        log.info("staged demo %r -> %s", item["id"], target)


if __name__ == "__main__":
    app()
