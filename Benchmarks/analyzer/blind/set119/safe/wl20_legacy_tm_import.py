#!/usr/bin/env python3
"""Import translation-memory caches exported from the legacy desktop CAT tool.

Clients upload a .zip containing the tool's cache database (``tmcache.db``);
the portal stores the archive in the import spool and this script ingests it.
The desktop tool's "portable" export keeps JSON values in the dbm file.
"""
import argparse
import dbm
import json
import logging
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

log = logging.getLogger("legacy-import")
CACHE_BASENAME = "tmcache"


def unpack_archive(archive: Path, workdir: Path) -> Path:
    with zipfile.ZipFile(archive) as zf:
        members = [m for m in zf.namelist() if Path(m).name.startswith(CACHE_BASENAME)]
        if not members:
            raise ValueError("archive does not contain a %s database" % CACHE_BASENAME)
        for m in members:
            target = workdir / Path(m).name
            target.write_bytes(zf.read(m))
    return workdir / CACHE_BASENAME


def iter_units(db_path: Path):
    with dbm.open(str(db_path), "r") as cache:
        for raw_key in cache.keys():
            try:
                entry = json.loads(cache[raw_key])
            except ValueError:
                log.warning("skipping undecodable entry %r", raw_key[:40])
                continue
            if not isinstance(entry, dict):
                continue
            key = raw_key.decode("utf-8", errors="replace")
            yield key, entry.get("src"), entry.get("tgt"), entry.get("lang_pair", "")


def ingest(units, conn: sqlite3.Connection, memory_id: int) -> int:
    count = 0
    for key, src, tgt, pair in units:
        if not src or not tgt:
            continue
        conn.execute(
            "INSERT OR IGNORE INTO units (memory_id, legacy_key, lang_pair, source_text, target_text) "
            "VALUES (?, ?, ?, ?, ?)",
            (memory_id, key, pair, src, tgt),
        )
        count += 1
    conn.commit()
    return count


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("archive", type=Path)
    ap.add_argument("--memory-id", type=int, required=True)
    ap.add_argument("--db", default="/srv/tm/memories.sqlite3")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    with tempfile.TemporaryDirectory(prefix="legacy-tm-") as tmp:
        try:
            db_path = unpack_archive(args.archive, Path(tmp))
        except (zipfile.BadZipFile, ValueError) as exc:
            log.error("rejecting %r: %s", args.archive.name, exc)
            return 2
        with sqlite3.connect(args.db) as conn:
            n = ingest(iter_units(db_path), conn, args.memory_id)
    log.info("imported %d unit(s) into memory %d", n, args.memory_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
