#!/usr/bin/env python3
"""Nightly sync of site diary exports to the head-office FTP server.

Each project folder on the shared drive carries a ``sync.yml`` maintained by
the site manager describing where the diaries should go.
"""
import ftplib
import logging
import os
import sys
from pathlib import Path

import yaml

SHARE_ROOT = Path(os.environ.get("PROJECT_SHARE", "/mnt/projects"))
FTP_HOST = "ftp.hq.example-build.com"
FTP_USER = "diarysync"
FTP_PASSWORD = os.environ["DIARY_FTP_PASSWORD"]
DEFAULT_EXTS = (".pdf", ".xlsx")

log = logging.getLogger("diary-sync")


def load_project_config(folder: Path):
    cfg_file = folder / "sync.yml"
    if not cfg_file.exists():
        return None
    with cfg_file.open("r", encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh)
    if not isinstance(cfg, dict) or not cfg.get("enabled", True):
        return None
    cfg.setdefault("remote_dir", "/diaries/" + folder.name)
    cfg.setdefault("extensions", list(DEFAULT_EXTS))
    return cfg


def diary_files(folder: Path, extensions):
    diary_dir = folder / "Site Diary"
    if not diary_dir.is_dir():
        return []
    exts = {e.lower() for e in extensions}
    return [p for p in sorted(diary_dir.iterdir()) if p.is_file() and p.suffix.lower() in exts]


def upload(ftp: ftplib.FTP_TLS, remote_dir: str, files) -> int:
    ftp.cwd("/")
    for part in remote_dir.strip("/").split("/"):
        if part not in ftp.nlst():
            ftp.mkd(part)
        ftp.cwd(part)
    existing = set(ftp.nlst())
    sent = 0
    for path in files:
        if path.name in existing:
            continue
        with path.open("rb") as fh:
            ftp.storbinary(f"STOR {path.name}", fh)
        sent += 1
    return sent


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    ftp = ftplib.FTP_TLS(FTP_HOST, timeout=60)
    ftp.login(FTP_USER, FTP_PASSWORD)
    ftp.prot_p()
    total = 0
    try:
        for folder in sorted(p for p in SHARE_ROOT.iterdir() if p.is_dir()):
            cfg = load_project_config(folder)
            if cfg is None:
                continue
            files = diary_files(folder, cfg["extensions"])
            sent = upload(ftp, cfg["remote_dir"], files)
            log.info("project %r: uploaded %d diaries", folder.name, sent)
            total += sent
    finally:
        ftp.quit()
    log.info("sync complete, %d files sent", total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
