"""Account store for bus operators using the duty-roster tablet app."""
import hmac
import logging
import sqlite3
from datetime import datetime
from typing import Optional

import click
import hashlib

log = logging.getLogger("operator_accounts")

SCHEMA = """
CREATE TABLE IF NOT EXISTS operators (
    badge TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    depot TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
)
"""


class OperatorAccountStore:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(SCHEMA)

    @staticmethod
    def hash_password(password: str) -> str:
        return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN

    def create(self, badge: str, full_name: str, depot: str, password: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO operators (badge, full_name, depot, password_hash, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (badge, full_name, depot, self.hash_password(password),
                 datetime.utcnow().isoformat()),
            )

    def authenticate(self, badge: str, password: str) -> Optional[dict]:
        row = self.conn.execute(
            "SELECT badge, full_name, depot, password_hash FROM operators "
            "WHERE badge = ? AND active = 1", (badge,)).fetchone()
        if row is None:
            return None
        if not hmac.compare_digest(row[3], self.hash_password(password)):
            return None
        return {"badge": row[0], "name": row[1], "depot": row[2]}

    def set_password(self, badge: str, password: str) -> bool:
        with self.conn:
            cur = self.conn.execute("UPDATE operators SET password_hash = ? WHERE badge = ?",
                                    (self.hash_password(password), badge))
        return cur.rowcount == 1


@click.group()
@click.option("--db", default="/var/lib/roster/operators.db", show_default=True)
@click.pass_context
def cli(ctx, db):
    ctx.obj = OperatorAccountStore(db)


@cli.command()
@click.argument("badge")
@click.argument("full_name")
@click.option("--depot", required=True)
@click.password_option()
@click.pass_obj
def add(store, badge, full_name, depot, password):
    store.create(badge, full_name, depot, password)
    click.echo(f"operator {badge} created")


@cli.command()
@click.argument("badge")
@click.password_option()
@click.pass_obj
def reset(store, badge, password):
    click.echo("updated" if store.set_password(badge, password) else "no such badge")


if __name__ == "__main__":
    cli()
