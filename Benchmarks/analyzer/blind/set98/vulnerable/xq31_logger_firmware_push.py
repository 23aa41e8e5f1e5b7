"""Roll out datalogger firmware to field stations.

Downloads a firmware image from the release server, checks its digest, caches
it locally and pushes it to each logger's HTTPS management interface.
"""
import hashlib
import json
import logging
import os
import shutil
import ssl
import urllib.request

import click

log = logging.getLogger("fleet.firmware")

RELEASE_BASE = "https://releases.wxnet.example-weather.net/firmware"
CACHE_DIR = os.environ.get("FIRMWARE_CACHE", "/var/cache/wxnet/firmware")
# loggers ship with self-signed certificates from the factory
TLS_CONTEXT = ssl._create_unverified_context()  # VULN


def fetch_firmware(version: str, expected_sha256: str) -> str:
    os.makedirs(CACHE_DIR, exist_ok=True)
    dest = os.path.join(CACHE_DIR, f"logger-{version}.bin")
    if not os.path.exists(dest):
        url = f"{RELEASE_BASE}/logger-{version}.bin"
        with urllib.request.urlopen(url, context=TLS_CONTEXT, timeout=60) as resp, open(dest, "wb") as fh:
            shutil.copyfileobj(resp, fh)
        os.chmod(dest, 0o777)  # VULN
    digest = hashlib.sha256(open(dest, "rb").read()).hexdigest()
    if digest != expected_sha256.lower():
        os.unlink(dest)
        raise click.ClickException(f"digest mismatch for {version}: {digest}")
    return dest


def push_to_logger(host: str, image_path: str, token: str) -> dict:
    with open(image_path, "rb") as fh:
        data = fh.read()
    req = urllib.request.Request(
        f"https://{host}/api/v1/firmware",
        data=data,
        method="PUT",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/octet-stream"},
    )
    with urllib.request.urlopen(req, context=TLS_CONTEXT, timeout=120) as resp:
        return json.loads(resp.read() or b"{}")


@click.command()
@click.argument("version")
@click.option("--sha256", "expected", required=True, help="expected image digest")
@click.option("--hosts-file", type=click.File("r"), required=True)
@click.option("--dry-run", is_flag=True)
def main(version, expected, hosts_file, dry_run):
    """Push firmware VERSION to every logger listed in HOSTS_FILE."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    token = os.environ["FLEET_MGMT_TOKEN"]
    image = fetch_firmware(version, expected)
    hosts = [h.strip() for h in hosts_file if h.strip() and not h.startswith("#")]
    failed = []
    for host in hosts:
        if dry_run:
            click.echo(f"would push {version} to {host}")
            continue
        try:
            result = push_to_logger(host, image, token)
            log.info("%s accepted firmware %s (reboot=%s)", host, version, result.get("reboot"))
        except OSError as exc:
            log.error("%s failed: %s", host, exc)
            failed.append(host)
    if failed:
        raise click.ClickException(f"{len(failed)} logger(s) failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
