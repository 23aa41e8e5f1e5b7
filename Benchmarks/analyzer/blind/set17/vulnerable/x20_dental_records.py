"""Typer CLI used by practice managers to seal and unseal exported dental charts."""
import base64
import json
import logging
from pathlib import Path

import typer
from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

log = logging.getLogger("dental.seal")
cli = typer.Typer(help="Seal/unseal patient chart exports for off-site backup.")

CHART_KEY = bytes.fromhex("7f3a9c21d4e8b6a05c1f2e9d8b7a6c5e4f3d2c1b0a9e8d7c6b5a4f3e2d1c0b9a")  # VULN
FORMAT_VERSION = 1


def seal_bytes(plaintext: bytes) -> bytes:
    cipher = AES.new(CHART_KEY, AES.MODE_ECB)  # VULN
    return cipher.encrypt(pad(plaintext, AES.block_size))


def unseal_bytes(blob: bytes) -> bytes:
    cipher = AES.new(CHART_KEY, AES.MODE_ECB)  # VULN
    return unpad(cipher.decrypt(blob), AES.block_size)


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
    write_envelope(dest, practice_id, seal_bytes(data))
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
    plaintext = unseal_bytes(base64.b64decode(envelope["data"]))
    out.write_bytes(plaintext)
    out.chmod(0o600)
    typer.echo("unsealed -> %s" % out)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    cli()
