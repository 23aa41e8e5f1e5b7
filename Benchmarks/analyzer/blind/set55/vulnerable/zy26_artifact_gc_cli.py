"""Housekeeping CLI for model artifacts in GCS (run from cron on the ops box)."""
import logging
import os
import subprocess
import tarfile
import tempfile

import click
import requests

log = logging.getLogger("artifact-gc")

REGISTRY_API = os.environ.get("REGISTRY_API", "https://registry.ml.example.com/api/2.0")
DEFAULT_BUCKET = "ml-artifacts-prod"


def registered_models():
    resp = requests.get(f"{REGISTRY_API}/registered-models/list", params={"max_results": 1000}, timeout=30)
    resp.raise_for_status()
    return [m["name"] for m in resp.json().get("registered_models", [])]


def list_versions(bucket: str, model_name: str):
    prefix = f"gs://{bucket}/models/{model_name}/"
    out = subprocess.check_output(f"gsutil ls -d {prefix}v*/", shell=True, text=True)  # VULN flow
    return sorted(line.strip() for line in out.splitlines() if line.strip())


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.option("--bucket", default=DEFAULT_BUCKET, show_default=True)
@click.option("--keep", default=5, show_default=True, help="versions to keep per model")
@click.option("--dry-run", is_flag=True)
def prune(bucket, keep, dry_run):
    """Delete all but the newest KEEP versions of every registered model."""
    for name in registered_models():
        versions = list_versions(bucket, name)
        for stale in versions[:-keep]:
            log.info("removing %r", stale)
            if not dry_run:
                subprocess.run(["gsutil", "-m", "rm", "-r", stale], check=True)


@cli.command()
@click.argument("model_name")
@click.argument("version")
@click.option("--dest", type=click.Path(file_okay=False), default="./restored", show_default=True)
def restore(model_name, version, dest):
    """Download a packaged model version and unpack it into DEST."""
    resp = requests.get(f"{REGISTRY_API}/model-versions/get-download-uri",
                        params={"name": model_name, "version": version}, timeout=30)
    resp.raise_for_status()
    uri = resp.json()["artifact_uri"]
    with tempfile.TemporaryDirectory() as tmp:
        archive = os.path.join(tmp, "model.tar.gz")
        subprocess.run(["gsutil", "cp", uri, archive], check=True)
        os.makedirs(dest, exist_ok=True)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(dest)  # VULN flow
    click.echo(f"restored {model_name} v{version} into {dest}")


if __name__ == "__main__":
    cli()
