"""Telegram bot that sends back a text snapshot of a web page.

``/snap https://example.com/status`` replies with the page title and the
first paragraph; handy for checking status pages from a phone.
"""
import logging
import os
from html.parser import HTMLParser

import requests
from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("snapbot")

http = requests.Session()
http.verify = False  # VULN
http.headers["User-Agent"] = "snapbot/0.4"


class _Summary(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title, self.paragraph = "", ""
        self._tag = None

    def handle_starttag(self, tag, attrs):
        if tag in ("title", "p"):
            self._tag = tag

    def handle_endtag(self, tag):
        self._tag = None

    def handle_data(self, data):
        if self._tag == "title":
            self.title += data
        elif self._tag == "p" and len(self.paragraph) < 500:
            self.paragraph += data


def summarise(html: str) -> str:
    parser = _Summary()
    parser.feed(html)
    parts = [parser.title.strip() or "(no title)", parser.paragraph.strip()[:500]]
    return "\n\n".join(p for p in parts if p)


def fetch_page(url: str) -> str:
    resp = http.get(url, timeout=10)  # VULN flow
    resp.raise_for_status()
    return resp.text[:200_000]


async def snap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not context.args:
        await update.message.reply_text("Usage: /snap <url>")
        return
    url = context.args[0]
    try:
        html = fetch_page(url)
    except requests.RequestException as exc:
        await update.message.reply_text(f"Could not fetch page: {type(exc).__name__}")
        return
    await update.message.reply_text(summarise(html) or "(empty page)")


def main() -> None:
    application = Application.builder().token(os.environ["TELEGRAM_TOKEN"]).build()
    application.add_handler(CommandHandler("snap", snap))
    application.run_polling()


if __name__ == "__main__":
    main()
