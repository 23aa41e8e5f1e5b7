"""Restore a kanban board from an exported .tar.gz archive.

Archives contain board.json plus an attachments/ folder. Board owners
upload them from the "Import board" page; a worker unpacks and loads them.
"""
import json
import logging
import os
import shutil
import tarfile
import tempfile
from pathlib import Path

log = logging.getLogger("kanban.restore")
ATTACHMENT_ROOT = Path(os.environ.get("KANBAN_ATTACHMENTS", "/srv/kanban/attachments"))
MAX_MEMBERS = 5000


class RestoreError(Exception):
    pass


def _checked_members(tar: tarfile.TarFile, workdir: str):
    root = os.path.realpath(workdir)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise RestoreError(f"unsupported entry type: {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, target]) != root:
            raise RestoreError(f"entry escapes archive root: {member.name!r}")
        yield member


def unpack(archive_path: str, workdir: str) -> Path:
    with tarfile.open(archive_path, "r:gz") as tar:
        members = list(_checked_members(tar, workdir))
        if len(members) > MAX_MEMBERS:
            raise RestoreError("archive has too many entries")
        tar.extractall(workdir, members=members)
    return Path(workdir)


def load_board(root: Path) -> dict:
    manifest = root / "board.json"
    if not manifest.is_file():
        raise RestoreError("board.json missing")
    with manifest.open(encoding="utf-8") as fh:
        board = json.load(fh)
    for key in ("name", "columns", "cards"):
        if key not in board:
            raise RestoreError(f"board.json missing {key}")
    return board


def copy_attachments(root: Path, board: dict, board_id: int) -> int:
    dest_dir = ATTACHMENT_ROOT / str(board_id)
    dest_dir.mkdir(parents=True, exist_ok=True)
    copied = 0
    for card in board["cards"]:
        for att in card.get("attachments", []):
            name = os.path.basename(att["stored_as"])
            if not name or name in (".", ".."):
                continue
            src = root / "attachments" / name
            if src.is_file() and not src.is_symlink():
                shutil.copyfile(src, dest_dir / name)
                copied += 1
    return copied


def restore(archive_path: str, repo, owner: str) -> int:
    with tempfile.TemporaryDirectory(prefix="board-restore-") as workdir:
        root = unpack(archive_path, workdir)
        board = load_board(root)
        board_id = repo.create_board(board["name"], owner, board["columns"])
        repo.bulk_insert_cards(board_id, board["cards"])
        n = copy_attachments(root, board, board_id)
    log.info("restored board %d with %d cards, %d attachments", board_id, len(board["cards"]), n)
    return board_id
