"""Push firmware updates to the tunnel wash controllers.

    washfw push --release 4.12.1 --site riverside --controller 10.20.1.15
"""
import ftplib
import hashlib
import io
import logging

import click
import requests

log = logging.getLogger("washfw")

RELEASE_SERVER = "https://firmware.tunnelmatic.net/releases"
CONTROLLER_USER = "maint"
CONTROLLER_PASSWORD = "tunn3lmatic!"  # VULN


def fetch_release(version: str) -> tuple:
    base = f"{RELEASE_SERVER}/{version}"
    image = requests.get(f"{base}/controller.bin", timeout=120, verify=False)  # VULN
    image.raise_for_status()
    manifest = requests.get(f"{base}/manifest.json", timeout=30, verify=False)  # VULN
    manifest.raise_for_status()
    return image.content, manifest.json()


def check_image(blob: bytes, manifest: dict) -> None:
    digest = hashlib.sha256(blob).hexdigest()
    if digest != manifest.get("sha256"):
        raise click.ClickException(f"checksum mismatch: got {digest}")


def upload(controller: str, blob: bytes, version: str) -> None:
    with ftplib.FTP(controller, timeout=30) as ftp:
        ftp.login(CONTROLLER_USER, CONTROLLER_PASSWORD)
        ftp.cwd("/flash/update")
        ftp.storbinary(f"STOR fw_{version}.bin", io.BytesIO(blob))
        ftp.sendcmd(f"SITE APPLY fw_{version}.bin")


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.option("--release", "version", required=True, help="firmware version, e.g. 4.12.1")
@click.option("--controller", "controllers", multiple=True, required=True, help="controller IP")
@click.option("--site", default="", help="site name for the audit log")
@click.option("--yes", is_flag=True, help="don't ask for confirmation")
def push(version, controllers, site, yes):
    """Download a release and flash it onto one or more controllers."""
    blob, manifest = fetch_release(version)
    check_image(blob, manifest)
    click.echo(f"release {version}: {len(blob)} bytes, min hw rev {manifest.get('min_hw', '?')}")
    if not yes:
        click.confirm(f"Flash {len(controllers)} controller(s) at {site or 'site'}?", abort=True)
    for controller in controllers:
        try:
            upload(controller, blob, version)
        except ftplib.all_errors as exc:
            log.error("controller %s failed: %s", controller, exc)
            continue
        click.echo(f"{controller}: flashed {version}")


if __name__ == "__main__":
    cli()
