"""Typer CLI used by practice managers to seal and unseal exported dental charts."""
import base64
import json
import logging
import os
from pathlib import Path

import typer
from Crypto.Cipher import AES

log = logging.getLogger("dental.seal")
cli = typer.Typer(help="Seal/unseal patient chart exports for off-site backup.")

FORMAT_VERSION = 2


def chart_key() -> bytes:
    key = bytes.fromhex(os.environ["DENTAL_CHART_KEY"])
    if len(key) != 32:
        raise typer.BadParameter("DENTAL_CHART_KEY must be 32 bytes of hex")
    return key


def seal_bytes(plaintext: bytes, practice_id: str) -> bytes:
    cipher = AES.new(chart_key(), AES.MODE_GCM)
    cipher.update(practice_id.encode("utf-8"))
    ciphertext, tag = cipher.encrypt_and_digest(plaintext)
    return cipher.nonce + tag + ciphertext


def unseal_bytes(blob: bytes, practice_id: str) -> bytes:
    nonce, tag, ciphertext = blob[:16], blob[16:32], blob[32:]
    cipher = AES.new(chart_key(), AES.MODE_GCM, nonce=nonce)
    cipher.update(practice_id.encode("utf-8"))
    return cipher.decrypt_and_verify(ciphertext, tag)


def write_envelope(dest: Path, practice_id: str, body: bytes) -> None:
    envelope = {
        "v": FORMAT_VERSION,
        "practice": practice_id,
        "data": base64.b64encode(body).decode("ascii"),
    }
    dest.write_text(json.dumps(envelope), encoding="utf-8")
    dest.chmod(0o600)


@cli.command()
def seal(
    chart: Path = typer.Argument(..., exists=True, dir_okay=False, help="Chart export (JSON)"),
    practice_id: str = typer.Option(..., "--practice", help="Practice identifier"),
    out: Path = typer.Option(None, help="Output path, defaults to <chart>.sealed"),
):
    """Encrypt a chart export for backup."""
    data = chart.read_bytes()
    json.loads(data)
    dest = out or chart.with_suffix(chart.suffix + ".sealed")
    write_envelope(dest, practice_id, seal_bytes(data, practice_id))
    log.info("sealed %s for practice %s", chart.name, practice_id)
    typer.echo("sealed -> %s" % dest)


@cli.command()
def unseal(
    sealed: Path = typer.Argument(..., exists=True, dir_okay=False),
    out: Path = typer.Option(..., help="Where to write the decrypted chart"),
):
    """Decrypt a sealed chart back to JSON."""
    envelope = json.loads(sealed.read_text(encoding="utf-8"))
    if envelope.get("v") != FORMAT_VERSION:
        raise typer.BadParameter("unsupported envelope version")
    plaintext = unseal_bytes(base64.b64decode(envelope["data"]), envelope["practice"])
    out.write_bytes(plaintext)
    out.chmod(0o600)
    typer.echo("unsealed -> %s" % out)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    cli()
