"""Celery tasks that compile delivered .po catalogs into .mo files for
software-localisation clients and publish them to the release bucket."""
import logging
import os
import re
import subprocess
from pathlib import Path

from celery import Celery

BROKER_URL = os.environ["L10N_BROKER_URL"]
CATALOG_ROOT = Path(os.environ.get("CATALOG_ROOT", "/srv/l10n/catalogs"))
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")

celery_app = Celery("catalogs", broker=BROKER_URL)
log = logging.getLogger("catalogs.compile")


def catalog_paths(project: str, locale: str, domain: str) -> dict:
    for part in (project, locale, domain):
        if not NAME_RE.match(part) or ".." in part:
            raise ValueError("invalid catalog identifier %r" % part)
    base = CATALOG_ROOT / project / locale / "LC_MESSAGES"
    return {"po": base / f"{domain}.po", "mo": base / f"{domain}.mo", "base": base}


def msgfmt_command(paths: dict, check: bool) -> list:
    flags = ["--check", "--statistics"] if check else ["--statistics"]
    return ["msgfmt", *flags, "-o", str(paths["mo"]), str(paths["po"])]


@celery_app.task(bind=True, max_retries=2, acks_late=True)
def compile_catalog(self, project: str, locale: str, domain: str = "messages", check: bool = True) -> dict:
    """Triggered by the portal when a translator marks a catalog as delivered."""
    paths = catalog_paths(project, locale, domain)
    log.debug("compiling %r/%r/%r", project, locale, domain)
    cmd = msgfmt_command(paths, check)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    output = proc.stdout
    ok = proc.returncode == 0 and paths["mo"].exists()
    log.info("compiled %r/%r/%r ok=%s", project, locale, domain, ok)
    return {"ok": ok, "output": output[-2000:], "mo": str(paths["mo"]) if ok else None}


@celery_app.task
def publish_catalogs(project: str, release: str) -> int:
    bucket = os.environ["RELEASE_BUCKET"]
    files = sorted((CATALOG_ROOT / project).glob("*/LC_MESSAGES/*.mo"))
    for mo in files:
        key = f"{project}/{release}/{mo.relative_to(CATALOG_ROOT / project)}"
        subprocess.run(["aws", "s3", "cp", str(mo), f"s3://{bucket}/{key}"], check=True, timeout=300)
    log.info("published %d catalog(s) for %r release %r", len(files), project, release)
    return len(files)
