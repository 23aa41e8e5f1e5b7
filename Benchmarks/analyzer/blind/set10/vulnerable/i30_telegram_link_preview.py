import re

import requests
from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

BOT_TOKEN = "7012345678:AAF9kLmQ2xZr8TnVw4pYc1bHs6dJe3uGoKi"  # VULN
URL_RE = re.compile(r"https?://[^\s<>\"]+")


def fetch_preview(url):
    resp = requests.get(url, timeout=5, headers={"User-Agent": "LinkPreviewBot/1.0"})  # VULN flow
    ctype = resp.headers.get("Content-Type", "?")
    snippet = " ".join(resp.text[:400].split())
    return f"{resp.status_code} {ctype}\n{snippet}"


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
    await update.message.reply_text(preview, disable_web_page_preview=True)


def main():
    app = ApplicationBuilder().token(BOT_TOKEN).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    app.run_polling()


if __name__ == "__main__":
    main()
