"""Import offline scan bundles produced by air-gapped scanner appliances.

Customers upload the ``.tar.gz`` bundle exported by the appliance; it holds
``manifest.json`` plus one JSON file per scanned host under ``hosts/``.
"""
import json
import logging
import os
import shutil
import tarfile
import tempfile

from fastapi import Depends, FastAPI, File, HTTPException, UploadFile

from scanner.auth import TenantUser, require_tenant_user
from scanner.findings import ingest_host_report

log = logging.getLogger("bundle-import")
app = FastAPI(title="offline-bundles")

MAX_BUNDLE_BYTES = 200 * 1024 * 1024


def _checked_members(tar: tarfile.TarFile, dest: str):
    root = os.path.realpath(dest)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"unsupported member type: {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, target]) != root:
            raise ValueError(f"member escapes bundle root: {member.name!r}")
        yield member


def unpack_bundle(fileobj, dest: str) -> None:
    with tarfile.open(fileobj=fileobj, mode="r:gz") as tar:
        tar.extractall(dest, members=list(_checked_members(tar, dest)))


def read_manifest(workdir: str) -> dict:
    with open(os.path.join(workdir, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    if manifest.get("format") != "zw-offline/1":
        raise ValueError("unsupported bundle format")
    return manifest


@app.post("/v1/bundles")
async def upload_bundle(bundle: UploadFile = File(...), user: TenantUser = Depends(require_tenant_user)):
    bundle.file.seek(0, os.SEEK_END)
    if bundle.file.tell() > MAX_BUNDLE_BYTES:
        raise HTTPException(status_code=413, detail="bundle too large")
    bundle.file.seek(0)

    workdir = tempfile.mkdtemp(prefix="bundle-")
    try:
        try:
            unpack_bundle(bundle.file, workdir)
            manifest = read_manifest(workdir)
        except (tarfile.TarError, ValueError, OSError) as exc:
            raise HTTPException(status_code=400, detail=f"invalid bundle: {exc}")

        hosts_dir = os.path.join(workdir, "hosts")
        imported = 0
        for name in sorted(os.listdir(hosts_dir)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(hosts_dir, name), encoding="utf-8") as fh:
                ingest_host_report(user.tenant_id, manifest["scan_id"], json.load(fh))
            imported += 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    log.info("bundle %r imported for tenant %r: %d hosts", manifest.get("scan_id"), user.tenant_id, imported)
    return {"scan_id": manifest["scan_id"], "hosts": imported}
