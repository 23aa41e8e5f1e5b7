"""Restore a workspace from a customer-supplied backup archive."""
import logging
import os
import shutil
import tarfile
import tempfile

from fastapi import FastAPI, File, HTTPException, UploadFile

app = FastAPI(title="workspace-restore")
log = logging.getLogger("workspaces.restore")

WORKSPACE_ROOT = os.environ.get("WORKSPACE_ROOT", "/srv/workspaces")
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 20000


def workspace_dir(workspace_id: int) -> str:
    return os.path.join(WORKSPACE_ROOT, str(workspace_id))


def checked_members(archive: tarfile.TarFile, dest: str):
    root = os.path.realpath(dest)
    members = archive.getmembers()
    if len(members) > MAX_MEMBERS:
        raise ValueError("archive has too many entries")
    for member in members:
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"unsupported entry type: {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if target != root and not target.startswith(root + os.sep):
            raise ValueError(f"entry escapes workspace: {member.name!r}")
    return members


def restore_archive(fileobj, dest: str) -> int:
    with tarfile.open(fileobj=fileobj, mode="r:*") as archive:
        members = checked_members(archive, dest)
        if hasattr(tarfile, "data_filter"):
            archive.extractall(dest, members=members, filter="data")
        else:
            archive.extractall(dest, members=members)
    return len(members)


def swap_into_place(staging: str, dest: str) -> None:
    backup = dest + ".previous"
    if os.path.exists(backup):
        shutil.rmtree(backup)
    if os.path.exists(dest):
        os.rename(dest, backup)
    os.rename(staging, dest)


@app.post("/workspaces/{workspace_id}/restore")
def restore_workspace(workspace_id: int, archive: UploadFile = File(...)):
    dest = workspace_dir(workspace_id)
    staging = tempfile.mkdtemp(prefix=f"restore-{workspace_id}-", dir=WORKSPACE_ROOT)
    try:
        with tempfile.TemporaryFile() as spool:
            shutil.copyfileobj(archive.file, spool)
            if spool.tell() > MAX_ARCHIVE_BYTES:
                raise HTTPException(status_code=413, detail="archive too large")
            spool.seek(0)
            count = restore_archive(spool, staging)
    except (tarfile.TarError, ValueError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise HTTPException(status_code=422, detail=f"unusable archive: {exc}")
    except HTTPException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_into_place(staging, dest)
    log.info("workspace %d restored with %d entries", workspace_id, count)
    return {"workspace": workspace_id, "entries": count}
