"""Firmware release tool: unpack vendor bundles, encrypt images and sign the manifest."""
import argparse
import hashlib
import json
import logging
import os
import sys
import tarfile
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("fwsign")

SIGNING_KEY_PATH = os.environ.get("FW_SIGNING_KEY", "/etc/fwsign/release.pem")
SIGNING_KEY_PASSPHRASE = os.environ["FW_SIGNING_PASSPHRASE"].encode("utf-8")


def load_image_key(path):
    data = Path(path).read_bytes()
    if len(data) != 32:
        raise ValueError("image key must be 32 raw bytes")
    return data


def _safe_members(tar, workdir):
    root = os.path.realpath(workdir)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise tarfile.TarError(f"refusing special member {member.name!r}")
        dest = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, dest]) != root:
            raise tarfile.TarError(f"refusing member outside bundle {member.name!r}")
        member.mode &= 0o755
        yield member


def unpack_bundle(bundle_path, workdir):
    with tarfile.open(bundle_path, "r:*") as tar:
        tar.extractall(workdir, members=list(_safe_members(tar, workdir)))
    return sorted(Path(workdir).rglob("*.bin"))


def encrypt_image(image_bytes, key):
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, image_bytes, b"fw-image-v2")


def sign_manifest(manifest_bytes):
    with open(SIGNING_KEY_PATH, "rb") as fh:
        key = serialization.load_pem_private_key(fh.read(), password=SIGNING_KEY_PASSPHRASE)
    return key.sign(manifest_bytes, ec.ECDSA(hashes.SHA256()))


def build_release(bundle, out_dir, image_key, version):
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    with tempfile.TemporaryDirectory(prefix="fwsign-") as workdir:
        for image in unpack_bundle(bundle, workdir):
            sealed = encrypt_image(image.read_bytes(), image_key)
            target = out_dir / (image.stem + ".enc")
            target.write_bytes(sealed)
            entries.append({"name": target.name, "sha256": hashlib.sha256(sealed).hexdigest(), "size": len(sealed)})
            log.info("encrypted %s (%d bytes)", image.name, len(sealed))
    manifest = json.dumps({"version": version, "images": entries}, sort_keys=True).encode("utf-8")
    (out_dir / "manifest.json").write_bytes(manifest)
    (out_dir / "manifest.sig").write_bytes(sign_manifest(manifest))
    return len(entries)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Build a signed firmware release from a vendor bundle")
    parser.add_argument("bundle", help="vendor .tar.gz bundle")
    parser.add_argument("--version", required=True)
    parser.add_argument("--image-key", required=True, help="path to 32-byte AES key file")
    parser.add_argument("--out", default="release", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    try:
        count = build_release(args.bundle, args.out, load_image_key(args.image_key), args.version)
    except (OSError, ValueError, tarfile.TarError) as exc:
        log.error("release failed: %s", exc)
        return 1
    log.info("release %s built with %d images", args.version, count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
