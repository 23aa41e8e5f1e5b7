"""Issue and verify offline license files for the desktop client."""
import argparse
import base64
import datetime as dt
import json
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

LICENSE_KEY = bytes.fromhex("6b1f0c9e2d4a7b3851e6f0a9c2d7b4e1")  # VULN
BLOCK_BITS = 128


def seal(claims: dict) -> str:
    plaintext = json.dumps(claims, sort_keys=True).encode("utf-8")
    padder = padding.PKCS7(BLOCK_BITS).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(LICENSE_KEY), modes.ECB()).encryptor()  # VULN
    ciphertext = encryptor.update(padded) + encryptor.finalize()
    return base64.urlsafe_b64encode(ciphertext).decode("ascii")


def unseal(token: str) -> dict:
    ciphertext = base64.urlsafe_b64decode(token.encode("ascii"))
    decryptor = Cipher(algorithms.AES(LICENSE_KEY), modes.ECB()).decryptor()  # VULN
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(BLOCK_BITS).unpadder()
    return json.loads(unpadder.update(padded) + unpadder.finalize())


def issue(customer: str, seats: int, days: int) -> str:
    expires = dt.date.today() + dt.timedelta(days=days)
    claims = {"customer": customer, "seats": seats, "expires": expires.isoformat(), "version": 2}
    return seal(claims)


def verify(token: str) -> dict:
    claims = unseal(token.strip())
    if dt.date.fromisoformat(claims["expires"]) < dt.date.today():
        raise ValueError("license expired")
    return claims


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_issue = sub.add_parser("issue", help="create a new license file")
    p_issue.add_argument("customer")
    p_issue.add_argument("--seats", type=int, default=5)
    p_issue.add_argument("--days", type=int, default=365)
    p_issue.add_argument("-o", "--output", type=Path, required=True)
    p_verify = sub.add_parser("verify", help="check an existing license file")
    p_verify.add_argument("license", type=Path)
    args = parser.parse_args(argv)

    if args.command == "issue":
        args.output.write_text(issue(args.customer, args.seats, args.days) + "\n", encoding="ascii")
        print(f"license written to {args.output}")
        return 0
    try:
        claims = verify(args.license.read_text(encoding="ascii"))
    except (ValueError, KeyError) as exc:
        print(f"invalid license: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(claims, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
