import asyncio
import logging
import os
import subprocess

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("netops-bot")


def run_probe(target, count=3):
    cmd = "ping -c %d -W 2 %s" % (count, target)
    try:
        out = subprocess.check_output(cmd, shell=True, stderr=subprocess.STDOUT, timeout=20)  # VULN flow
    except subprocess.CalledProcessError as exc:
        out = exc.output
    return out.decode(errors="replace")[-3500:]


async def ping(update: Update, context: ContextTypes.DEFAULT_TYPE):
    if not context.args:
        await update.message.reply_text("usage: /ping <host>")
        return
    output = await asyncio.to_thread(run_probe, context.args[0])
    await update.message.reply_text(output or "no output")


async def trace(update: Update, context: ContextTypes.DEFAULT_TYPE):
    if not context.args:
        await update.message.reply_text("usage: /trace <host>")
        return
    proc = subprocess.run(f"traceroute -m 15 -w 2 {context.args[0]}", shell=True, capture_output=True, text=True, timeout=60)  # VULN
    await update.message.reply_text(proc.stdout[-3500:] or proc.stderr[-3500:] or "no output")


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE):
    await update.message.reply_text("netops bot: /ping <host>, /trace <host>")


def main():
    application = Application.builder().token(os.environ["TELEGRAM_TOKEN"]).build()
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("ping", ping))
    application.add_handler(CommandHandler("trace", trace))
    application.run_polling()


if __name__ == "__main__":
    main()
