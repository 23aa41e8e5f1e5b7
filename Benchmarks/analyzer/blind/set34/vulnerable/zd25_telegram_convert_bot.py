"""Telegram bot that converts and resizes images sent by the marketing team."""
import asyncio
import logging
import os
import tempfile

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

log = logging.getLogger("convertbot")

FORMATS = {"png", "jpg", "webp", "gif"}
ALLOWED_CHATS = {int(c) for c in os.environ.get("CONVERT_ALLOWED_CHATS", "").split(",") if c}
CONVERT_BIN = "/usr/bin/convert"


def parse_caption(caption):
    parts = caption.split()
    fmt = parts[1] if len(parts) > 1 and parts[0] == "to" else "png"
    size = parts[2] if len(parts) > 2 else "100%"
    return fmt, size


async def run_convert(src, dst, size):
    cmd = f"{CONVERT_BIN} {src} -auto-orient -resize {size} {dst}"
    proc = await asyncio.create_subprocess_shell(cmd, stderr=asyncio.subprocess.PIPE)  # VULN flow
    _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    return proc.returncode, err.decode(errors="replace")


async def convert(update: Update, context: ContextTypes.DEFAULT_TYPE):
    msg = update.effective_message
    if update.effective_chat.id not in ALLOWED_CHATS:
        return
    fmt, size = parse_caption((msg.caption or "").strip().lower())
    if fmt not in FORMATS:
        await msg.reply_text(f"Supported formats: {', '.join(sorted(FORMATS))}")
        return
    attachment = msg.photo[-1] if msg.photo else msg.document
    tg_file = await attachment.get_file()
    with tempfile.TemporaryDirectory() as work:
        src = os.path.join(work, "input")
        dst = os.path.join(work, f"output.{fmt}")
        await tg_file.download_to_drive(src)
        rc, err = await run_convert(src, dst, size)
        if rc != 0 or not os.path.exists(dst):
            log.warning("convert failed rc=%s", rc)
            await msg.reply_text("Conversion failed, please check the caption and try again.")
            return
        with open(dst, "rb") as fh:
            await msg.reply_document(document=fh, filename=f"converted.{fmt}")


def main():
    app = Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"]).build()
    app.add_handler(MessageHandler(filters.PHOTO | filters.Document.IMAGE, convert))
    app.run_polling()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
