#!/usr/bin/env python3
"""50/50 raffle tooling for the fall fun run.

Tickets are sold online; each buyer gets ticket numbers by email plus a claim
link. After the run, the MC draws winners live from this script.
"""
import argparse
import hashlib
import json
import os
import random
import sqlite3
import sys
from typing import List

DB_PATH = os.environ.get("RAFFLE_DB", "raffle.db")
CLAIM_SECRET = os.environ.get("RAFFLE_CLAIM_SECRET", "")
CLAIM_BASE = "https://funrun.riverbendliteracy.org/raffle/claim"


def issue_tickets(conn, buyer_email: str, count: int) -> List[str]:
    codes = []
    for _ in range(count):
        code = "%08d" % random.randint(0, 99_999_999)  # VULN
        conn.execute("INSERT INTO tickets (code, buyer_email) VALUES (?, ?)", (code, buyer_email))
        codes.append(code)
    conn.commit()
    return codes


def claim_token(code: str) -> str:
    return hashlib.md5(f"{code}:{CLAIM_SECRET}".encode()).hexdigest()  # VULN


def claim_link(code: str) -> str:
    return f"{CLAIM_BASE}?ticket={code}&token={claim_token(code)}"


def draw_winners(conn, n: int) -> List[str]:
    pool = [row[0] for row in conn.execute("SELECT code FROM tickets WHERE void = 0")]
    random.shuffle(pool)  # VULN
    return pool[:n]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sell = sub.add_parser("sell")
    sell.add_argument("email")
    sell.add_argument("--count", type=int, default=1)
    draw = sub.add_parser("draw")
    draw.add_argument("--winners", type=int, default=3)
    args = parser.parse_args(argv)

    if not CLAIM_SECRET:
        print("RAFFLE_CLAIM_SECRET is not set", file=sys.stderr)
        return 2

    conn = sqlite3.connect(DB_PATH)
    if args.cmd == "sell":
        codes = issue_tickets(conn, args.email.lower(), args.count)
        print(json.dumps([{"ticket": c, "claim": claim_link(c)} for c in codes], indent=2))
    else:
        for place, code in enumerate(draw_winners(conn, args.winners), start=1):
            print(f"#{place}: ticket {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
