#!/usr/bin/env python3
import os
import sys
import tarfile
import urllib.request

PLUGIN_DIR = os.path.expanduser("~/.local/share/mytool/plugins")


def install(url):
    local, _ = urllib.request.urlretrieve(url)
    dest = os.path.join(PLUGIN_DIR, os.path.basename(url).split(".")[0])
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(local) as tar:
        tar.extractall(dest)  # VULN flow
    print(f"installed plugin into {dest}")


if __name__ == "__main__":
    install(sys.argv[1] if len(sys.argv) > 1 else os.environ["PLUGIN_URL"])
