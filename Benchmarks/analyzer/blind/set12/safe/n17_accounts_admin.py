#!/usr/bin/env python3
"""Support tooling: account administration commands for the SaaS backend."""
import logging
import os
import sys
from dataclasses import dataclass

import click
from sqlalchemy import create_engine, text

log = logging.getLogger("accounts-admin")

DATABASE_URL = os.environ.get("ACCOUNTS_DATABASE_URL", "")


@dataclass
class Operator:
    id: int
    email: str
    is_admin: bool


def get_engine():
    if not DATABASE_URL:
        raise click.ClickException("ACCOUNTS_DATABASE_URL is not set")
    return create_engine(DATABASE_URL, pool_pre_ping=True)


def current_operator(conn):
    token = os.environ.get("SUPPORT_TOKEN")
    if not token:
        raise click.ClickException("SUPPORT_TOKEN is not set")
    row = conn.execute(
        text("SELECT id, email, is_admin FROM operators WHERE api_token = :t AND active"),
        {"t": token},
    ).one_or_none()
    if row is None:
        raise click.ClickException("unknown or inactive support token")
    return Operator(*row)


def require_admin(operator):
    if not operator.is_admin:
        raise click.ClickException(f"{operator.email} is not allowed to do this")


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument("account_id", type=int)
def show(account_id):
    """Print an account summary."""
    with get_engine().connect() as conn:
        current_operator(conn)
        row = conn.execute(
            text("SELECT id, name, plan, suspended FROM accounts WHERE id = :id"), {"id": account_id}
        ).one_or_none()
    if row is None:
        raise click.ClickException("no such account")
    click.echo(f"#{row.id} {row.name} plan={row.plan} suspended={row.suspended}")


@cli.command()
@click.argument("account_id", type=int)
@click.option("--reason", required=True)
def suspend(account_id, reason):
    """Suspend an account (admins only)."""
    with get_engine().begin() as conn:
        operator = current_operator(conn)
        require_admin(operator)
        conn.execute(text("UPDATE accounts SET suspended = true WHERE id = :id"), {"id": account_id})
        conn.execute(
            text("INSERT INTO audit_log (operator_id, action, target, note) "
                 "VALUES (:op, 'suspend', :target, :note)"),
            {"op": operator.id, "target": account_id, "note": reason},
        )
    log.info("account %s suspended by operator %s", account_id, operator.id)
    click.echo("suspended")


if __name__ == "__main__":
    sys.exit(cli())
