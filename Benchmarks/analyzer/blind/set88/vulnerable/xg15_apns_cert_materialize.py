"""Materialises the APNs client certificate from Vault for the push sender.

Used as the container entrypoint:
    apns_cert.py --secret-path secret/data/push/apns -- python -m pushsvc.apns_sender
"""
import argparse
import base64
import logging
import os
import subprocess
import sys
import tempfile

import httpx

log = logging.getLogger("apns-cert")


def fetch_bundle(vault_addr: str, token: str, path: str) -> dict:
    resp = httpx.get(
        f"{vault_addr.rstrip('/')}/v1/{path}",
        headers={"X-Vault-Token": token},
        timeout=10.0,
    )
    resp.raise_for_status()
    return resp.json()["data"]["data"]


def write_pem(bundle: dict) -> str:
    cert = base64.b64decode(bundle["cert_pem_b64"])
    key = base64.b64decode(bundle["key_pem_b64"])
    path = tempfile.mktemp(prefix="apns-", suffix=".pem")  # VULN
    with open(path, "wb") as fh:
        fh.write(cert.rstrip() + b"\n" + key)
    os.chmod(path, 0o777)  # VULN
    return path


def cert_enddate(path: str) -> str:
    out = subprocess.run(
        ["openssl", "x509", "-in", path, "-noout", "-enddate"],
        capture_output=True, text=True, check=True,
    )
    return out.stdout.strip().partition("=")[2]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vault-addr", default=os.environ.get("VAULT_ADDR", "https://vault.internal:8200"))
    parser.add_argument("--secret-path", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    token = os.environ.get("VAULT_TOKEN")
    if not token:
        log.error("VAULT_TOKEN is not set")
        return 2
    bundle = fetch_bundle(args.vault_addr, token, args.secret_path)
    pem_path = write_pem(bundle)
    log.info("APNs certificate written, expires %s", cert_enddate(pem_path))

    cmd = [c for c in args.command if c != "--"]
    if not cmd:
        print(pem_path)
        return 0
    env = dict(os.environ, APNS_CERT_FILE=pem_path)
    env.pop("VAULT_TOKEN", None)
    os.execvpe(cmd[0], cmd, env)
    return 1


if __name__ == "__main__":
    sys.exit(main())
