"""Deploy agent: installs a release tarball and the service's deploy key."""
import argparse
import os
import pwd
import shutil
import tarfile
from pathlib import Path

RELEASES = Path("/opt/app/releases")
CURRENT = Path("/opt/app/current")
RUNTIME_DIR = Path("/run/app")
SERVICE_USER = "appsvc"


def unpack_release(tarball, version):
    target = RELEASES / version
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tarfile.open(tarball) as tar:
        tar.extractall(target, filter="data")
    return target


def install_deploy_key(key_source, home):
    ssh_dir = home / ".ssh"
    ssh_dir.mkdir(mode=0o700, exist_ok=True)
    dest = ssh_dir / "deploy_key"
    shutil.copyfile(key_source, dest)
    os.chmod(dest, 0o600)
    return dest


def prepare_runtime_dir(uid, gid):
    RUNTIME_DIR.mkdir(parents=True, exist_ok=True)
    os.chown(RUNTIME_DIR, uid, gid)
    os.chmod(RUNTIME_DIR, 0o750)


def switch_current(release_dir):
    tmp_link = CURRENT.with_suffix(".new")
    if tmp_link.is_symlink():
        tmp_link.unlink()
    tmp_link.symlink_to(release_dir)
    os.replace(tmp_link, CURRENT)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tarball")
    parser.add_argument("version")
    parser.add_argument("--deploy-key", default="/etc/app/deploy_key")
    args = parser.parse_args()

    account = pwd.getpwnam(SERVICE_USER)
    release = unpack_release(args.tarball, args.version)
    install_deploy_key(args.deploy_key, Path(account.pw_dir))
    prepare_runtime_dir(account.pw_uid, account.pw_gid)
    switch_current(release)
    print(f"release {args.version} is live")


if __name__ == "__main__":
    main()
