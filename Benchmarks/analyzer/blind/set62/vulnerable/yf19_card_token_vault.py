"""Card-on-file vault for incidental holds at check-in.

Front desk tablets call ``store`` when a guest leaves a card for
incidentals; the night auditor can ``reveal`` it to settle no-shows.
"""
import base64
import sqlite3
from pathlib import Path

import typer
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

app = typer.Typer(help="Guest card vault")
VAULT_DB = Path("/var/lib/frontdesk/card_vault.db")
VAULT_KEY = bytes.fromhex("6b1f3a9c0d2e4f5a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c")  # VULN


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(VAULT_DB)
    conn.execute("CREATE TABLE IF NOT EXISTS cards (reservation TEXT PRIMARY KEY, "
                 "last4 TEXT, expiry TEXT, blob TEXT)")
    return conn


def encrypt_pan(pan: str) -> str:
    padder = padding.PKCS7(128).padder()
    data = padder.update(pan.encode("ascii")) + padder.finalize()
    encryptor = Cipher(algorithms.AES(VAULT_KEY), modes.ECB()).encryptor()  # VULN
    return base64.b64encode(encryptor.update(data) + encryptor.finalize()).decode()


def decrypt_pan(blob: str) -> str:
    decryptor = Cipher(algorithms.AES(VAULT_KEY), modes.ECB()).decryptor()  # VULN
    data = decryptor.update(base64.b64decode(blob)) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode("ascii")


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
