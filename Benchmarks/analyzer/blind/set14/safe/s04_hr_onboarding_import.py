"""Import onboarding bundles delivered by the recruiting vendor."""
import logging
import os
import shutil
import tarfile

import click
import yaml

from hrtools.directory import provision_account

log = logging.getLogger("hr.onboarding")

STAGING_ROOT = "/srv/hr/staging"
EMPLOYEE_ROOT = "/srv/hr/employees"


def employee_dir(employee_id):
    return os.path.join(EMPLOYEE_ROOT, str(int(employee_id)))


def _inside(root, relative):
    root = os.path.realpath(root)
    target = os.path.realpath(os.path.join(root, relative))
    if os.path.commonpath([root, target]) != root:
        raise click.ClickException(f"bundle entry escapes staging area: {relative!r}")
    return target


def _checked_members(tar, staging):
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise click.ClickException(f"unsupported entry type in bundle: {member.name!r}")
        _inside(staging, member.name)
        yield member


def unpack(bundle_path, staging):
    os.makedirs(staging, exist_ok=True)
    with tarfile.open(bundle_path, "r:gz") as tar:
        tar.extractall(staging, members=list(_checked_members(tar, staging)))
    return staging


def load_manifest(bundle_dir):
    with open(os.path.join(bundle_dir, "manifest.yml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def file_documents(manifest, staging):
    for hire in manifest.get("hires", []):
        target = employee_dir(hire["employee_id"])
        os.makedirs(target, mode=0o750, exist_ok=True)
        for doc in hire.get("documents", []):
            source = _inside(staging, doc)
            shutil.copy2(source, target)
        yield hire


@click.command()
@click.argument("bundle", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Parse the bundle without provisioning accounts.")
def main(bundle, dry_run):
    """Unpack BUNDLE, file the hire documents and provision accounts."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    staging = os.path.join(STAGING_ROOT, os.path.basename(bundle).split(".")[0])
    try:
        unpack(bundle, staging)
        manifest = load_manifest(staging)
        if not isinstance(manifest, dict):
            raise click.ClickException("manifest.yml must be a mapping")
        count = 0
        for hire in file_documents(manifest, staging):
            if not dry_run:
                provision_account(hire)
            count += 1
        log.info("processed %d hires", count)
        click.echo(f"Processed {count} new hires")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    main()
