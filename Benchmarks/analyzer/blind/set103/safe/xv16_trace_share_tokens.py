"""Admin CLI for the traceability platform.

* share links give a retailer read-only access to a lot's documents
  (COAs, temperature logs, harvest records) without an account
* packer API keys authenticate the packhouse line scanners
* qa-sample picks lots for the weekly third-party micro testing
"""
import hashlib
import random
import secrets
import sqlite3
import string
from datetime import datetime, timedelta, timezone

import click

ALPHABET = string.ascii_letters + string.digits
SHARE_BASE_URL = "https://trace.example-produce.com/s/"


def new_share_token(length: int = 22) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def new_api_key() -> str:
    return "pk_live_" + secrets.token_hex(16)


def qa_sample(lots, k: int):
    return random.sample(lots, min(k, len(lots)))


@click.group()
@click.option("--db", default="/var/lib/trace/trace.db", show_default=True)
@click.pass_context
def cli(ctx, db):
    ctx.obj = sqlite3.connect(db)


@cli.command("issue-share")
@click.option("--lot", required=True)
@click.option("--retailer", required=True)
@click.option("--days", default=14, show_default=True)
@click.pass_obj
def issue_share(conn, lot, retailer, days):
    token = new_share_token()
    expires = datetime.now(timezone.utc) + timedelta(days=days)
    conn.execute(
        "INSERT INTO share_links (token, lot_code, retailer, expires_at) VALUES (?, ?, ?, ?)",
        (token, lot, retailer, expires.isoformat()),
    )
    conn.commit()
    click.echo(f"{SHARE_BASE_URL}{token}  (expires {expires:%Y-%m-%d})")


@cli.command("issue-key")
@click.option("--packer", required=True)
@click.pass_obj
def issue_key(conn, packer):
    key = new_api_key()
    digest = hashlib.sha256(key.encode()).hexdigest()
    conn.execute("INSERT INTO api_keys (packer_id, key_sha256, created_at) VALUES (?, ?, datetime('now'))", (packer, digest))
    conn.commit()
    click.echo(key)


@cli.command("qa-sample")
@click.option("--packed-on", required=True, help="YYYY-MM-DD")
@click.option("-k", default=5, show_default=True)
@click.pass_obj
def qa_sample_cmd(conn, packed_on, k):
    lots = [r[0] for r in conn.execute("SELECT lot_code FROM lots WHERE packed_on = ?", (packed_on,))]
    for lot in qa_sample(lots, k):
        click.echo(lot)


if __name__ == "__main__":
    cli()
