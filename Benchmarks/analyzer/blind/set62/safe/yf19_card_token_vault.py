"""Card-on-file vault for incidental holds at check-in.

Front desk tablets call ``store`` when a guest leaves a card for
incidentals; the night auditor can ``reveal`` it to settle no-shows.
"""
import base64
import os
import sqlite3
from pathlib import Path

import typer
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

app = typer.Typer(help="Guest card vault")
VAULT_DB = Path("/var/lib/frontdesk/card_vault.db")


def _vault_key() -> bytes:
    key = base64.b64decode(os.environ["CARD_VAULT_KEY"])
    if len(key) != 32:
        raise RuntimeError("CARD_VAULT_KEY must be 32 bytes, base64 encoded")
    return key


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(VAULT_DB)
    conn.execute("CREATE TABLE IF NOT EXISTS cards (reservation TEXT PRIMARY KEY, "
                 "last4 TEXT, expiry TEXT, blob TEXT)")
    return conn


def encrypt_pan(pan: str) -> str:
    nonce = os.urandom(12)
    encryptor = Cipher(algorithms.AES(_vault_key()), modes.GCM(nonce)).encryptor()
    ciphertext = encryptor.update(pan.encode("ascii")) + encryptor.finalize()
    return base64.b64encode(nonce + encryptor.tag + ciphertext).decode()


def decrypt_pan(blob: str) -> str:
    raw = base64.b64decode(blob)
    nonce, tag, ciphertext = raw[:12], raw[12:28], raw[28:]
    decryptor = Cipher(algorithms.AES(_vault_key()), modes.GCM(nonce, tag)).decryptor()
    return (decryptor.update(ciphertext) + decryptor.finalize()).decode("ascii")


def luhn_ok(pan: str) -> bool:
    digits = [int(d) for d in pan][::-1]
    total = sum(digits[0::2]) + sum(sum(divmod(d * 2, 10)) for d in digits[1::2])
    return total % 10 == 0


@app.command()
def store(reservation: str, pan: str = typer.Option(..., prompt=True, hide_input=True),
          expiry: str = typer.Option(..., help="MM/YY")):
    pan = pan.replace(" ", "")
    if not pan.isdigit() or not 13 <= len(pan) <= 19 or not luhn_ok(pan):
        raise typer.BadParameter("card number is not valid")
    with _db() as conn:
        conn.execute("INSERT OR REPLACE INTO cards VALUES (?, ?, ?, ?)",
                     (reservation, pan[-4:], expiry, encrypt_pan(pan)))
    typer.echo(f"stored card ending {pan[-4:]} for {reservation}")


@app.command()
def reveal(reservation: str):
    row = _db().execute("SELECT blob, expiry FROM cards WHERE reservation = ?", (reservation,)).fetchone()
    if row is None:
        typer.echo("no card on file", err=True)
        raise typer.Exit(1)
    typer.echo(f"{decrypt_pan(row[0])}  exp {row[1]}")


@app.command()
def purge(reservation: str):
    with _db() as conn:
        conn.execute("DELETE FROM cards WHERE reservation = ?", (reservation,))
    typer.echo("purged")


if __name__ == "__main__":
    app()
