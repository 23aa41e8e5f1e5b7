import hashlib
import hmac
import os
import secrets

import click
import psycopg2

PBKDF2_ITERATIONS = 600_000


def connect():
    return psycopg2.connect(os.environ["ACCOUNTS_DSN"])


def hash_password(password):
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_password(password, stored):
    _algo, iterations, salt_hex, digest_hex = stored.split("$")
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations))
    return hmac.compare_digest(digest.hex(), digest_hex)


def gravatar_url(email):
    digest = hashlib.md5(email.strip().lower().encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?d=identicon"


@click.group()
def cli():
    """Account administration."""


@cli.command()
@click.argument("username")
@click.argument("email")
@click.option("--admin", is_flag=True, help="grant admin role")
@click.password_option()
def create(username, email, admin, password):
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO users (username, email, avatar_url, password_hash, is_admin) VALUES (%s, %s, %s, %s, %s)",
            (username, email, gravatar_url(email), hash_password(password), admin),
        )
    click.echo(f"created {username}")


@cli.command("set-password")
@click.argument("username")
@click.password_option()
def set_password(username, password):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("UPDATE users SET password_hash = %s WHERE username = %s", (hash_password(password), username))
        if cur.rowcount == 0:
            raise click.ClickException(f"no such user: {username}")
    click.echo("password updated")


@cli.command("check-password")
@click.argument("username")
@click.password_option(confirmation_prompt=False)
def check_password(username, password):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT password_hash FROM users WHERE username = %s", (username,))
        row = cur.fetchone()
    click.echo("match" if row and verify_password(password, row[0]) else "no match")


@cli.command()
@click.argument("username")
def disable(username):
    with connect() as conn, conn.cursor() as cur:
        cur.execute("UPDATE users SET disabled = TRUE WHERE username = %s", (username,))
    click.echo(f"disabled {username}")


if __name__ == "__main__":
    cli()
