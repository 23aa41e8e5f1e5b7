"""CI helper to build and push service images.

    ci-images build api --registry registry.example.com/platform --push

Service definitions live in `services.yml` at the repository root.
"""
import os
import subprocess
from pathlib import Path
from typing import Dict

import typer
import yaml

app = typer.Typer(help="Build service container images")


def load_services(path: Path = Path("services.yml")) -> Dict[str, dict]:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)["services"]


def image_tag(registry: str, service: str, ref: str) -> str:
    tag_ref = ref.replace("/", "-")[:120]
    return f"{registry}/{service}:{tag_ref}"


def sh(cmd: str) -> None:
    typer.echo(f"$ {cmd}")
    subprocess.run(cmd, shell=True, check=True)  # VULN flow


def current_ref() -> str:
    # GitLab and GitHub expose the branch/tag name under different variables
    return os.environ.get("CI_COMMIT_REF_NAME") or os.environ.get("GITHUB_REF_NAME") or "local"


@app.command()
def build(
    service: str,
    registry: str = typer.Option(..., help="image registry prefix"),
    push: bool = typer.Option(False, help="push after building"),
) -> None:
    services = load_services()
    if service not in services:
        typer.echo(f"unknown service {service!r}", err=True)
        raise typer.Exit(2)
    spec = services[service]
    ref = current_ref()
    tag = image_tag(registry, service, ref)
    build_args = " ".join(f"--build-arg {k}={v}" for k, v in spec.get("args", {}).items())
    sh(
        f"docker build -f {spec.get('dockerfile', 'Dockerfile')} -t {tag} {build_args} "
        f"--label org.opencontainers.image.revision={ref} {spec.get('context', '.')}"
    )
    if push:
        sh(f"docker push {tag}")


@app.command("list")
def list_services() -> None:
    for name, spec in sorted(load_services().items()):
        typer.echo(f"{name:20} {spec.get('context', '.')}")


if __name__ == "__main__":
    app()
