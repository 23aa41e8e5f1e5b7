import os
import re
from urllib.parse import urlparse

import requests
from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

BOT_TOKEN = os.environ["TELEGRAM_BOT_TOKEN"]
URL_RE = re.compile(r"https://[^\s<>\"]+")
PREVIEW_HOSTS = {"en.wikipedia.org", "github.com", "www.youtube.com", "docs.python.org"}
MAX_BYTES = 200_000


def fetch_preview(url):
    if urlparse(url).hostname not in PREVIEW_HOSTS:
        return None
    with requests.get(url, timeout=5, allow_redirects=False, stream=True,
                      headers={"User-Agent": "LinkPreviewBot/1.0"}) as resp:
        raw = resp.raw.read(MAX_BYTES, decode_content=True)
        ctype = resp.headers.get("Content-Type", "?")
        status = resp.status_code
    snippet = " ".join(raw.decode("utf-8", errors="replace")[:400].split())
    return f"{status} {ctype}\n{snippet}"


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE):
    text = update.message.text or ""
    match = URL_RE.search(text)
    if not match:
        return
    try:
        preview = fetch_preview(match.group(0))
    except requests.RequestException:
        await update.message.reply_text("Could not fetch that link.")
        return
    if preview:
        await update.message.reply_text(preview, disable_web_page_preview=True)


def main():
    app = ApplicationBuilder().token(BOT_TOKEN).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    app.run_polling()


if __name__ == "__main__":
    main()
