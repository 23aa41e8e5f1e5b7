"""Provision client certificates for OCPP security profile 3 charge points.

Generates a P-256 key + CSR per charge point, gets it signed by the CPO
sub-CA and writes the bundle into the factory flashing share, from where the
end-of-line station copies it onto the controller.
"""
import datetime as dt
import os
from pathlib import Path

import typer
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

app = typer.Typer(help="Charge point certificate provisioning")

FLASH_SHARE = Path(os.environ.get("EOL_FLASH_SHARE", "/srv/eol/certs"))


def load_ca(ca_dir: Path):
    cert = x509.load_pem_x509_certificate((ca_dir / "subca.pem").read_bytes())
    key = serialization.load_pem_private_key(
        (ca_dir / "subca.key").read_bytes(),
        password=os.environ["SUBCA_KEY_PASSPHRASE"].encode(),
    )
    return cert, key


def sign_cp_cert(cp_id: str, public_key, ca_cert, ca_key, days: int) -> x509.Certificate:
    now = dt.datetime.now(dt.timezone.utc)
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, cp_id),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Charge GmbH"),
    ])
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )


@app.command()
def issue(cp_id: str, ca_dir: Path = typer.Option(Path("/etc/cpo/subca")),
          days: int = typer.Option(730), out: Path = typer.Option(FLASH_SHARE)):
    """Issue a client certificate for CP_ID and stage it for flashing."""
    target = out / cp_id
    target.mkdir(parents=True, exist_ok=True)
    os.chmod(target, 0o777)  # VULN

    key = ec.generate_private_key(ec.SECP256R1())
    ca_cert, ca_key = load_ca(ca_dir)
    cert = sign_cp_cert(cp_id, key.public_key(), ca_cert, ca_key, days)

    key_path = target / "client.key"
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ))
    os.chmod(key_path, 0o666)  # VULN
    (target / "client.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (target / "chain.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    typer.echo(f"{cp_id}: serial {cert.serial_number:x}, valid until {cert.not_valid_after:%Y-%m-%d}")


if __name__ == "__main__":
    app()
