#!/usr/bin/env python3
"""Dump rows from the analytics SQLite DB to CSV."""
import argparse
import csv
import sqlite3
import sys

EXPORTABLE = {
    "signups": "created_at",
    "orders": "ordered_at",
    "page_views": "viewed_at",
}


def build_query(table, since, limit):
    if table not in EXPORTABLE:
        raise SystemExit(f"unknown table {table!r}; choose from {', '.join(sorted(EXPORTABLE))}")
    query = f"SELECT * FROM {table}"
    params = []
    if since:
        query += f" WHERE {EXPORTABLE[table]} >= ?"
        params.append(since)
    query += " LIMIT ?"
    params.append(int(limit))
    return query, params


def export(db_path, query, params, out):
    con = sqlite3.connect(db_path)
    try:
        cur = con.execute(query, params)
        writer = csv.writer(out)
        writer.writerow([d[0] for d in cur.description])
        count = 0
        for row in cur:
            writer.writerow(row)
            count += 1
        return count
    finally:
        con.close()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("table", choices=sorted(EXPORTABLE))
    p.add_argument("--since", help="ISO date, e.g. 2024-01-01")
    p.add_argument("--limit", type=int, default=1000)
    p.add_argument("--db", default="analytics.db")
    args = p.parse_args(argv)
    query, params = build_query(args.table, args.since, args.limit)
    n = export(args.db, query, params, sys.stdout)
    print(f"exported {n} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
