#!/usr/bin/env python3
"""Nightly ingest of partner-submitted transaction batches.

Partners upload batch files over SFTP into ``incoming/<partner>/``. This
job loads each batch, normalises it into a DataFrame and appends it to the
warehouse staging table.
"""
import argparse
import json
import logging
import os
import shutil
from pathlib import Path
from typing import Iterator, List

import pandas as pd

log = logging.getLogger("ingest.partner")

REQUIRED_COLUMNS = ["txn_id", "amount", "currency", "booked_at"]


def discover_batches(incoming: Path) -> Iterator[Path]:
    for partner_dir in sorted(p for p in incoming.iterdir() if p.is_dir()):
        for batch in sorted(partner_dir.glob("*.batch")):
            yield batch


def load_batch(path: Path) -> List[dict]:
    with open(path, "rb") as fh:
        payload = json.load(fh)
    if isinstance(payload, dict):
        payload = payload.get("records", [])
    return list(payload)


def normalise(records: List[dict], partner: str) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records)
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"batch missing columns: {missing}")
    frame = frame[REQUIRED_COLUMNS].copy()
    frame["amount"] = pd.to_numeric(frame["amount"], errors="coerce")
    frame["booked_at"] = pd.to_datetime(frame["booked_at"], utc=True, errors="coerce")
    frame["partner"] = partner
    return frame.dropna(subset=["amount", "booked_at"])


def archive(path: Path, archive_root: Path) -> None:
    dest = archive_root / path.parent.name
    dest.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), dest / path.name)


def run(incoming: Path, staging: Path, archive_root: Path) -> int:
    frames = []
    for batch in discover_batches(incoming):
        partner = batch.parent.name
        try:
            frames.append(normalise(load_batch(batch), partner))
        except Exception:
            log.exception("skipping batch %r", batch.name)
            continue
        archive(batch, archive_root)
    if not frames:
        log.info("no batches to ingest")
        return 0
    combined = pd.concat(frames, ignore_index=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    combined.to_parquet(staging, index=False)
    log.info("wrote %d rows to %s", len(combined), staging)
    return len(combined)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--incoming", type=Path, default=Path(os.environ.get("INGEST_INCOMING", "/sftp/incoming")))
    parser.add_argument("--staging", type=Path, required=True)
    parser.add_argument("--archive", type=Path, default=Path("/sftp/archive"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    run(args.incoming, args.staging, args.archive)


if __name__ == "__main__":
    main()
