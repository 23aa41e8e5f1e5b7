#!/bin/sh
# Installs the Debian packages AutoSafeCoder builds and runs with, when any is missing.
# Safe to run again: it does nothing when everything is present.
set -eu

packages="libgit2-dev libcurl4-openssl-dev libyaml-dev libmimalloc-dev python3 bubblewrap git pkg-config"
missing=""
for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all system packages present"
    exit 0
fi

echo "install-deps: installing$missing"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "install-deps: error: need root (or sudo) to install:$missing" >&2
    exit 2
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "install-deps: done"
