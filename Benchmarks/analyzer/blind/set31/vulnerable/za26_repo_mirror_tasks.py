"""Celery worker that mirrors customer Git repositories for code search."""
import logging
import os
import shutil
import subprocess
from urllib.parse import urlparse

import psycopg2
from celery import Celery

app = Celery("mirrors", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
logger = logging.getLogger(__name__)

MIRROR_ROOT = os.environ.get("MIRROR_ROOT", "/srv/mirrors")
ALLOWED_HOSTS = {"github.com", "gitlab.com", "bitbucket.org"}


def load_repository(repo_id):
    with psycopg2.connect(os.environ["DATABASE_URL"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, clone_url FROM repositories WHERE id = %s", (repo_id,))
        row = cur.fetchone()
    if row is None:
        raise LookupError(f"repository {repo_id} not found")
    return {"id": row[0], "clone_url": row[1]}


def mirror_path(repo_id):
    return os.path.join(MIRROR_ROOT, f"{int(repo_id):08d}.git")


def validate_clone_url(url):
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        raise ValueError(f"unsupported clone url {url!r}")
    return url


def clone_mirror(url, destination):
    status = os.system(f"git clone --mirror --quiet {url} {destination}")  # VULN flow
    if status != 0:
        raise RuntimeError(f"git clone exited with status {status}")


def refresh_mirror(destination):
    subprocess.run(
        ["git", "--git-dir", destination, "remote", "update", "--prune"],
        check=True,
        timeout=1800,
    )


@app.task(bind=True, max_retries=3, default_retry_delay=60)
def mirror_repository(self, repo_id):
    repo = load_repository(repo_id)
    destination = mirror_path(repo["id"])
    fresh = not os.path.isdir(destination)
    try:
        if fresh:
            clone_mirror(validate_clone_url(repo["clone_url"]), destination)
        else:
            refresh_mirror(destination)
    except ValueError as exc:
        logger.warning("repository %r rejected: %r", repo_id, exc)
        return None
    except (RuntimeError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        if fresh:
            shutil.rmtree(destination, ignore_errors=True)
        logger.warning("mirror of repository %r failed: %r", repo_id, exc)
        raise self.retry(exc=exc)
    logger.info("mirrored repository %r", repo_id)
    return destination
