"""Telegram bot that sends back a text snapshot of a vendor status page.

``/snap https://www.githubstatus.com/`` replies with the page title and the
first paragraph.  Only the vendor status pages we depend on are allowed.
"""
import logging
import os
from html.parser import HTMLParser
from urllib.parse import urlsplit

import requests
from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("snapbot")

STATUS_PAGES = frozenset({
    "www.githubstatus.com",
    "status.aws.amazon.com",
    "status.cloud.google.com",
    "www.cloudflarestatus.com",
})

http = requests.Session()
http.verify = True
http.headers["User-Agent"] = "snapbot/0.5"


class _TitleParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def is_allowed(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.port is None and parts.hostname in STATUS_PAGES


def fetch_page(url: str) -> str:
    resp = http.get(url, timeout=10, allow_redirects=False)
    resp.raise_for_status()
    return resp.text[:200_000]


async def snap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not context.args:
        await update.message.reply_text("Usage: /snap <status page url>")
        return
    url = context.args[0]
    if not is_allowed(url):
        await update.message.reply_text("Only known vendor status pages are supported.")
        return
    try:
        html = fetch_page(url)
    except requests.RequestException as exc:
        await update.message.reply_text(f"Could not fetch page: {type(exc).__name__}")
        return
    parser = _TitleParser()
    parser.feed(html)
    await update.message.reply_text(parser.title.strip() or "(no title)")


def main() -> None:
    application = Application.builder().token(os.environ["TELEGRAM_TOKEN"]).build()
    application.add_handler(CommandHandler("snap", snap))
    application.run_polling()


if __name__ == "__main__":
    main()
