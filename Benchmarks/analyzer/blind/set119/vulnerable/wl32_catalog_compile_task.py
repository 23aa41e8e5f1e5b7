"""Celery tasks that compile delivered .po catalogs into .mo files for
software-localisation clients and publish them to the release bucket."""
import logging
import os
import subprocess
from pathlib import Path

from celery import Celery

BROKER_URL = "amqp://l10n-worker:Rabbit2021!@mq.internal.lingvo.example:5672/l10n"  # VULN
CATALOG_ROOT = Path(os.environ.get("CATALOG_ROOT", "/srv/l10n/catalogs"))

celery_app = Celery("catalogs", broker=BROKER_URL)
log = logging.getLogger("catalogs.compile")


def catalog_paths(project: str, locale: str, domain: str) -> dict:
    base = CATALOG_ROOT / project / locale / "LC_MESSAGES"
    return {"po": base / f"{domain}.po", "mo": base / f"{domain}.mo", "base": base}


def msgfmt_command(paths: dict, check: bool) -> str:
    flags = "--check --statistics" if check else "--statistics"
    return "msgfmt %s -o '%s' '%s' 2>&1" % (flags, paths["mo"], paths["po"])


@celery_app.task(bind=True, max_retries=2, acks_late=True)
def compile_catalog(self, project: str, locale: str, domain: str = "messages", check: bool = True) -> dict:
    """Triggered by the portal when a translator marks a catalog as delivered."""
    paths = catalog_paths(project, locale, domain)
    log.debug("compiling %r/%r/%r", project, locale, domain)
    cmd = msgfmt_command(paths, check)
    with os.popen(cmd) as pipe:  # VULN flow
        output = pipe.read()
    ok = paths["mo"].exists() and "error" not in output.lower()
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
