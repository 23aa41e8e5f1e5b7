#!/usr/bin/env python3
"""Daily cron: roll yesterday's tank telemetry CSVs into a compressed archive and
push it to the off-site bucket through the storage gateway."""
import datetime as dt
import gzip
import json
import logging
import os
import shutil
import sys
from pathlib import Path

import requests

log = logging.getLogger("telemetry.archive")

SPOOL = Path(os.environ.get("TELEMETRY_SPOOL", "/var/spool/telemetry"))
ARCHIVE_ROOT = Path(os.environ.get("TELEMETRY_ARCHIVE", "/srv/telemetry/archive"))
TOKEN_CACHE = Path("/var/cache/telemetry/gateway-token.json")
GATEWAY = os.environ.get("STORAGE_GATEWAY", "https://storage-gw.brewco.internal")


def get_upload_token() -> str:
    if TOKEN_CACHE.exists():
        cached = json.loads(TOKEN_CACHE.read_text())
        if cached.get("expires", 0) > dt.datetime.now().timestamp() + 60:
            return cached["token"]
    resp = requests.post(
        f"{GATEWAY}/oauth/token",
        data={"grant_type": "client_credentials", "client_id": os.environ["GW_CLIENT_ID"],
              "client_secret": os.environ["GW_CLIENT_SECRET"]},
        timeout=20,
    )
    resp.raise_for_status()
    token = resp.json()
    TOKEN_CACHE.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(TOKEN_CACHE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump({"token": token["access_token"], "expires": dt.datetime.now().timestamp() + token["expires_in"]}, fh)
    return token["access_token"]


def archive_day(day: dt.date) -> Path:
    dest_dir = ARCHIVE_ROOT / day.strftime("%Y/%m")
    dest_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(dest_dir, 0o750)
    dest = dest_dir / f"telemetry-{day.isoformat()}.csv.gz"
    sources = sorted(SPOOL.glob(f"*_{day.strftime('%Y%m%d')}.csv"))
    with gzip.open(dest, "wb") as out:
        for src in sources:
            with src.open("rb") as fh:
                shutil.copyfileobj(fh, out)
    log.info("archived %d file(s) into %s", len(sources), dest)
    return dest


def push(path: Path, token: str) -> None:
    with path.open("rb") as fh:
        resp = requests.put(
            f"{GATEWAY}/buckets/telemetry/{path.name}",
            data=fh,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/gzip"},
            timeout=300,
        )
    resp.raise_for_status()


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    day = dt.date.today() - dt.timedelta(days=1)
    archive = archive_day(day)
    push(archive, get_upload_token())
    for src in SPOOL.glob(f"*_{day.strftime('%Y%m%d')}.csv"):
        src.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
