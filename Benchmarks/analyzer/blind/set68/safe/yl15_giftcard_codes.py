"""Batch issuance of physical gift cards.

Generates card codes + PINs for a print run, stores the PIN verifier in the
gift card database and writes the CSV that goes to the card printer.
"""
import csv
import hashlib
import secrets
import sqlite3
import string
from datetime import date

import click

ALPHABET = string.ascii_uppercase + string.digits
CODE_LENGTH = 16
PBKDF2_ROUNDS = 310_000


def generate_code(length: int = CODE_LENGTH) -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(length))
    return "-".join(raw[i:i + 4] for i in range(0, length, 4))


def generate_pin() -> str:
    return f"{secrets.randbelow(100000000):08d}"


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS gift_cards ("
        " code TEXT PRIMARY KEY, pin_hash TEXT NOT NULL, batch TEXT NOT NULL,"
        " value_cents INTEGER NOT NULL, issued_on TEXT NOT NULL, status TEXT NOT NULL)"
    )


@click.command()
@click.option("--count", type=click.IntRange(1, 50000), required=True, help="Cards in this print run")
@click.option("--value", "value_cents", type=int, required=True, help="Face value in cents")
@click.option("--batch", required=True, help="Print batch identifier")
@click.option("--db", default="giftcards.db", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), required=True)
def issue(count: int, value_cents: int, batch: str, db: str, out: str) -> None:
    """Issue COUNT new gift cards and write the printer CSV to OUT."""
    conn = sqlite3.connect(db)
    ensure_schema(conn)
    issued = 0
    with conn, open(out, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["code", "pin", "value", "batch"])
        while issued < count:
            code, pin = generate_code(), generate_pin()
            try:
                conn.execute(
                    "INSERT INTO gift_cards VALUES (?, ?, ?, ?, ?, 'inactive')",
                    (code, hash_pin(pin), batch, value_cents, date.today().isoformat()),
                )
            except sqlite3.IntegrityError:
                continue
            writer.writerow([code, pin, f"{value_cents / 100:.2f}", batch])
            issued += 1
    click.echo(f"issued {issued} cards in batch {batch} -> {out}")


if __name__ == "__main__":
    issue()
