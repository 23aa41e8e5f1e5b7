import os

import click
import keyring
import requests

SERVICE_NAME = "acme-deploy"
API_URL = "https://deploy.acme.internal/api/v2"


def get_token(profile):
    token = os.environ.get("ACME_DEPLOY_TOKEN") or keyring.get_password(SERVICE_NAME, profile)
    if not token:
        raise click.ClickException(f"no token for profile {profile!r}; run `acme-deploy login` first")
    return token


@click.group()
@click.option("--profile", default="default", show_default=True)
@click.pass_context
def cli(ctx, profile):
    ctx.obj = {"profile": profile}


@cli.command()
@click.option("--token", prompt=True, hide_input=True)
@click.pass_context
def login(ctx, token):
    keyring.set_password(SERVICE_NAME, ctx.obj["profile"], token)
    click.echo("token stored in system keyring")


@cli.command()
@click.argument("service")
@click.argument("version")
@click.pass_context
def release(ctx, service, version):
    headers = {"Authorization": f"Bearer {get_token(ctx.obj['profile'])}"}
    resp = requests.post(f"{API_URL}/releases", json={"service": service, "version": version}, headers=headers, timeout=30)
    resp.raise_for_status()
    click.echo(f"release {resp.json()['id']} queued")


if __name__ == "__main__":
    cli()
