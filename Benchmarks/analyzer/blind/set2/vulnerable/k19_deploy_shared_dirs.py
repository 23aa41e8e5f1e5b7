import os
import pathlib
import sys

RELEASES = pathlib.Path("/opt/app/releases")
SHARED = pathlib.Path("/opt/app/shared")


def link_shared(release_dir):
    for name in ("uploads", "cache", "logs"):
        shared = SHARED / name
        shared.mkdir(parents=True, exist_ok=True)
        os.chmod(shared, 0o777)  # VULN
        link = release_dir / name
        if link.is_symlink():
            link.unlink()
        link.symlink_to(shared)


def activate(version):
    release_dir = RELEASES / version
    link_shared(release_dir)
    current = RELEASES.parent / "current"
    tmp = current.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(release_dir)
    tmp.replace(current)
    print(f"activated {version}")


if __name__ == "__main__":
    activate(sys.argv[1])
