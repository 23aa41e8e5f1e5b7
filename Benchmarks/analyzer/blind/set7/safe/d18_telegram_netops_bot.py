import asyncio
import ipaddress
import logging
import os
import re
import subprocess

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("netops-bot")
OPS_CHATS = {int(x) for x in os.environ.get("OPS_CHAT_IDS", "").split(",") if x.strip()}
HOST_RE = re.compile(r"(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*")


def valid_target(value):
    try:
        ipaddress.ip_address(value)
        return True
    except ValueError:
        return bool(HOST_RE.fullmatch(value))


def run_probe(argv):
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    return (proc.stdout or proc.stderr)[-3500:] or "no output"


async def _probe(update, context, argv_prefix, usage):
    if update.effective_chat.id not in OPS_CHATS:
        return
    if len(context.args) != 1 or not valid_target(context.args[0]):
        await update.message.reply_text(usage)
        return
    output = await asyncio.to_thread(run_probe, argv_prefix + [context.args[0]])
    await update.message.reply_text(output)


async def ping(update: Update, context: ContextTypes.DEFAULT_TYPE):
    await _probe(update, context, ["ping", "-c", "3", "-W", "2", "--"], "usage: /ping <host>")


async def trace(update: Update, context: ContextTypes.DEFAULT_TYPE):
    await _probe(update, context, ["traceroute", "-m", "15", "-w", "2", "--"], "usage: /trace <host>")


def main():
    application = Application.builder().token(os.environ["TELEGRAM_TOKEN"]).build()
    application.add_handler(CommandHandler("ping", ping))
    application.add_handler(CommandHandler("trace", trace))
    application.run_polling()


if __name__ == "__main__":
    main()
