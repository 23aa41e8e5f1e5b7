"""deployctl: applies service deployment manifests.

The CI pipeline runs `deployctl apply services/<name>/deploy.yml` on manifests
taken straight from contributors' pull requests.
"""
import logging
import os
import sys

import click
import requests
import yaml

log = logging.getLogger("deployctl")
API = os.environ.get("DEPLOY_API", "https://deploy.internal.example.com/api/v1")


class ManifestError(Exception):
    pass


class Manifest:
    REQUIRED = ("service", "image", "replicas")

    def __init__(self, data: dict):
        missing = [k for k in self.REQUIRED if k not in data]
        if missing:
            raise ManifestError(f"missing keys: {', '.join(missing)}")
        self.service = str(data["service"])
        self.image = str(data["image"])
        self.replicas = int(data["replicas"])
        self.env = {str(k): str(v) for k, v in dict(data.get("env", {})).items()}

    @classmethod
    def load(cls, fh) -> "Manifest":
        data = yaml.safe_load(fh)
        if not isinstance(data, dict):
            raise ManifestError("manifest must be a mapping")
        return cls(data)

    def to_payload(self) -> dict:
        return {"service": self.service, "image": self.image, "replicas": self.replicas, "env": self.env}


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument("manifest_file", type=click.File("r"))
@click.option("--dry-run", is_flag=True, help="Validate only, do not deploy.")
def apply(manifest_file, dry_run):
    try:
        manifest = Manifest.load(manifest_file)
    except (ManifestError, yaml.YAMLError, ValueError, TypeError) as exc:
        click.echo(f"invalid manifest: {exc}", err=True)
        sys.exit(2)
    if dry_run:
        click.echo(f"{manifest.service}: OK ({manifest.replicas} x {manifest.image})")
        return
    token = os.environ["DEPLOY_TOKEN"]
    resp = requests.post(
        f"{API}/deployments",
        json=manifest.to_payload(),
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    resp.raise_for_status()
    log.info("deployment %r accepted", resp.json().get("id"))


if __name__ == "__main__":
    cli()
