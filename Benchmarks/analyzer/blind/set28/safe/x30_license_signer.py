"""Issue and verify offline license files for the desktop client."""
import argparse
import base64
import datetime as dt
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

LICENSE_KEY_ENV = "LICENSE_KEY_B64"
NONCE_BYTES = 12
ASSOCIATED_DATA = b"desktop-license-v2"


@lru_cache(maxsize=1)
def license_key() -> bytes:
    raw = os.environ.get(LICENSE_KEY_ENV)
    if not raw:
        raise SystemExit(f"{LICENSE_KEY_ENV} is not set")
    key = base64.b64decode(raw)
    if len(key) not in (16, 24, 32):
        raise SystemExit(f"{LICENSE_KEY_ENV} must decode to 16, 24 or 32 bytes")
    return key


def seal(claims: dict) -> str:
    plaintext = json.dumps(claims, sort_keys=True).encode("utf-8")
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(license_key()).encrypt(nonce, plaintext, ASSOCIATED_DATA)
    return base64.urlsafe_b64encode(nonce + ciphertext).decode("ascii")


def unseal(token: str) -> dict:
    blob = base64.urlsafe_b64decode(token.encode("ascii"))
    nonce, ciphertext = blob[:NONCE_BYTES], blob[NONCE_BYTES:]
    try:
        plaintext = AESGCM(license_key()).decrypt(nonce, ciphertext, ASSOCIATED_DATA)
    except InvalidTag:
        raise ValueError("license signature mismatch")
    return json.loads(plaintext)


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
