"""Telegram bot for the platform team: `/mirror <repo-url>` mirrors a repo internally."""
import asyncio
import logging
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import urlparse

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

log = logging.getLogger("mirror_bot")
MIRROR_ROOT = Path(os.environ.get("MIRROR_ROOT", "/srv/mirrors"))
ALLOWED_CHATS = {int(c) for c in os.environ.get("MIRROR_CHATS", "").split(",") if c}
ALLOWED_GIT_HOSTS = {"github.com", "gitlab.com", "git.corp.example"}
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class MirrorJob:
    def __init__(self, url):
        self.url = url.strip()
        tail = self.url.rstrip("/").rsplit("/", 1)[-1]
        name = tail[:-4] if tail.endswith(".git") else tail
        self.name = name if NAME_RE.match(name) else ""

    def is_allowed(self):
        parsed = urlparse(self.url)
        return parsed.scheme == "https" and parsed.hostname in ALLOWED_GIT_HOSTS

    @property
    def target(self):
        return MIRROR_ROOT / f"{self.name}.git"

    def argv(self):
        return ["git", "clone", "--mirror", "--", self.url, str(self.target)]


def run_job(job):
    proc = subprocess.run(job.argv(), capture_output=True, text=True, timeout=900)
    return proc.returncode, proc.stderr[-400:]


async def mirror(update: Update, context: ContextTypes.DEFAULT_TYPE):
    chat_id = update.effective_chat.id
    if chat_id not in ALLOWED_CHATS:
        return
    if not context.args:
        await update.message.reply_text("Usage: /mirror <repo-url>")
        return
    job = MirrorJob(context.args[0])
    if not job.is_allowed() or not job.name:
        await update.message.reply_text("Only https URLs on approved git hosts are accepted.")
        return
    if job.target.exists():
        await update.message.reply_text(f"{job.name} is already mirrored.")
        return
    await update.message.reply_text(f"Mirroring {job.name}...")
    rc, err = await asyncio.to_thread(run_job, job)
    if rc == 0:
        await update.message.reply_text(f"Done: {job.target}")
    else:
        log.warning("mirror of %r failed with code %d", job.url, rc)
        await update.message.reply_text("Mirror failed, see logs.")


def main():
    logging.basicConfig(level=logging.INFO)
    app = Application.builder().token(os.environ["TELEGRAM_TOKEN"]).build()
    app.add_handler(CommandHandler("mirror", mirror))
    app.run_polling()


if __name__ == "__main__":
    main()
