#!/usr/bin/env python3
"""Dump rows from the analytics SQLite DB to CSV."""
import argparse
import csv
import sqlite3
import sys


def build_query(table, where, limit):
    query = f"SELECT * FROM {table}"
    if where:
        query += f" WHERE {where}"
    return query + f" LIMIT {int(limit)}"


def export(db_path, query, out):
    con = sqlite3.connect(db_path)
    try:
        cur = con.execute(query)  # VULN flow
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
    p.add_argument("table")
    p.add_argument("--where", help="optional filter, e.g. \"country = 'DE'\"")
    p.add_argument("--limit", type=int, default=1000)
    p.add_argument("--db", default="analytics.db")
    args = p.parse_args(argv)
    n = export(args.db, build_query(args.table, args.where, args.limit), sys.stdout)
    print(f"exported {n} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
