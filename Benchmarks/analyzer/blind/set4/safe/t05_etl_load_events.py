import argparse
import csv
import sqlite3
from pathlib import Path

INSERT_SQL = "INSERT OR REPLACE INTO events (event_id, user_id, kind, ts) VALUES (?, ?, ?, ?)"


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield row["event_id"], row["user_id"], row["kind"], row["timestamp"]


def load(db_path, csv_paths, batch_size=5000):
    conn = sqlite3.connect(db_path)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS events (event_id TEXT PRIMARY KEY, user_id TEXT, kind TEXT, ts TEXT)"
    )
    total = 0
    for path in csv_paths:
        batch = []
        for row in read_rows(path):
            batch.append(row)
            if len(batch) >= batch_size:
                conn.executemany(INSERT_SQL, batch)
                total += len(batch)
                batch.clear()
        if batch:
            conn.executemany(INSERT_SQL, batch)
            total += len(batch)
        conn.commit()
    conn.close()
    return total


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Load exported event CSVs into SQLite")
    parser.add_argument("db", type=Path)
    parser.add_argument("csv", nargs="+", type=Path)
    args = parser.parse_args()
    print(f"loaded {load(args.db, args.csv)} rows")
