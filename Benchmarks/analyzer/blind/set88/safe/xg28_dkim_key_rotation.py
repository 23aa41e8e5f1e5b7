"""Monthly DKIM key rotation for the outbound MTAs (run from cron).

Generates a new selector, installs the private key for OpenDKIM, updates the
key/signing tables and prints the TXT record to publish.
"""
import argparse
import datetime as dt
import grp
import logging
import os
import shutil
import subprocess
import sys
import tempfile

KEY_ROOT = "/etc/opendkim/keys"
KEY_TABLE = "/etc/opendkim/KeyTable"
SIGNING_TABLE = "/etc/opendkim/SigningTable"

log = logging.getLogger("dkim-rotate")


def selector_for(today: dt.date) -> str:
    return f"s{today:%Y%m}"


def generate(domain: str, selector: str, bits: int) -> str:
    workdir = tempfile.mkdtemp(prefix="dkim-")
    subprocess.run(
        ["opendkim-genkey", "-b", str(bits), "-d", domain, "-s", selector, "-D", workdir],
        check=True,
    )
    return workdir


def install(workdir: str, domain: str, selector: str) -> str:
    dest_dir = os.path.join(KEY_ROOT, domain)
    os.makedirs(dest_dir, exist_ok=True)
    key_dst = os.path.join(dest_dir, f"{selector}.private")
    shutil.move(os.path.join(workdir, f"{selector}.private"), key_dst)
    # opendkim runs as its own user and must be able to read the key
    os.chown(key_dst, 0, grp.getgrnam("opendkim").gr_gid)
    os.chmod(key_dst, 0o640)
    with open(KEY_TABLE, "a") as fh:
        fh.write(f"{selector}._domainkey.{domain} {domain}:{selector}:{key_dst}\n")
    with open(SIGNING_TABLE, "a") as fh:
        fh.write(f"*@{domain} {selector}._domainkey.{domain}\n")
    return key_dst


def txt_record(workdir: str, selector: str) -> str:
    with open(os.path.join(workdir, f"{selector}.txt")) as fh:
        return fh.read()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="rotate DKIM keys")
    parser.add_argument("domains", nargs="+")
    parser.add_argument("--bits", type=int, default=2048)
    parser.add_argument("--reload", action="store_true", help="reload opendkim afterwards")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    selector = selector_for(dt.date.today())
    for domain in args.domains:
        workdir = generate(domain, selector, args.bits)
        try:
            key_path = install(workdir, domain, selector)
            log.info("installed %s", key_path)
            print(txt_record(workdir, selector))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.reload:
        subprocess.run(["systemctl", "reload", "opendkim"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
