"""Ingests weekly player stat CSVs dropped by the stats provider into the scoring DB."""
import csv
import glob
import logging
import os
import re
import sqlite3
from typing import Dict, Iterable, List, Tuple

log = logging.getLogger("stats.ingest")

INBOX = os.environ.get("STATS_INBOX", "/srv/stats-inbox")
DB_PATH = os.environ.get("SCORING_DB", "/var/lib/leagues/scoring.db")
STAT_COLUMNS = ["pass_yds", "pass_td", "interceptions", "rush_yds", "rush_td", "receptions", "rec_yds", "rec_td"]


def read_batch(path: str) -> Dict[str, object]:
    with open(path, newline="") as fh:
        header = fh.readline().strip()
        # first line looks like: "#season=2024;week=7;provider=statsco"
        meta = dict(part.split("=", 1) for part in header.lstrip("#").split(";") if "=" in part)
        rows = list(csv.DictReader(fh))
    return {"meta": meta, "rows": rows}


def table_for(meta: Dict[str, str]) -> str:
    season = meta.get("season", "")
    if not re.fullmatch(r"20\d{2}", season):
        raise ValueError("season must be a four digit year")
    return f"stats_{season}"


def ensure_table(conn: sqlite3.Connection, table: str) -> None:
    cols = ", ".join(f"{c} REAL DEFAULT 0" for c in STAT_COLUMNS)
    conn.execute(f"CREATE TABLE IF NOT EXISTS {table} (player_id TEXT, player_name TEXT, week INTEGER, {cols})")


def to_insert(table: str, week: str, row: Dict[str, str]) -> Tuple[str, list]:
    values = [row["player_id"], row["player_name"], int(week)]
    values += [float(row.get(c) or 0) for c in STAT_COLUMNS]
    placeholders = ", ".join("?" for _ in values)
    return f"INSERT INTO {table} (player_id, player_name, week, {', '.join(STAT_COLUMNS)}) VALUES ({placeholders})", values


def load(conn: sqlite3.Connection, batch: Dict[str, object]) -> int:
    meta = batch["meta"]
    table = table_for(meta)
    ensure_table(conn, table)
    count = 0
    for row in batch["rows"]:
        statement, params = to_insert(table, meta.get("week", "0"), row)
        conn.execute(statement, params)
        count += 1
    conn.commit()
    return count


def pending_files() -> Iterable[str]:
    return sorted(glob.glob(os.path.join(INBOX, "*.csv")))


def main() -> List[str]:
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(DB_PATH)
    done = []
    for path in pending_files():
        try:
            n = load(conn, read_batch(path))
        except (ValueError, KeyError, sqlite3.Error):
            log.exception("failed to ingest %r", os.path.basename(path))
            continue
        os.rename(path, path + ".done")
        done.append(path)
        log.info("ingested %d rows from %r", n, os.path.basename(path))
    conn.close()
    return done


if __name__ == "__main__":
    main()
