"""Telegram bot that hands out generated PDF reports to the ops group."""
import logging
import os
from pathlib import Path

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes, filters

logging.basicConfig(format="%(asctime)s %(name)s %(levelname)s %(message)s", level=logging.INFO)
logger = logging.getLogger("reportbot")

REPORTS_DIR = Path(os.environ.get("REPORTS_DIR", "/srv/reports/out")).resolve()
OPS_CHAT_ID = int(os.environ["OPS_CHAT_ID"])


def resolve_report(name: str) -> Path:
    candidate = (REPORTS_DIR / name).resolve()
    if not candidate.is_relative_to(REPORTS_DIR) or candidate.suffix != ".pdf":
        raise FileNotFoundError(name)
    if not candidate.is_file():
        raise FileNotFoundError(name)
    return candidate


async def list_reports(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    names = sorted(p.name for p in REPORTS_DIR.glob("*.pdf"))[-20:]
    text = "Latest reports:\n" + "\n".join(names) if names else "No reports generated yet."
    await update.message.reply_text(text)


async def get_report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not context.args:
        await update.message.reply_text("Usage: /report <file name>")
        return
    try:
        path = resolve_report(" ".join(context.args))
    except FileNotFoundError:
        await update.message.reply_text("Report not found.")
        return
    with open(path, "rb") as fh:
        await update.message.reply_document(fh, filename=path.name)


def main() -> None:
    application = Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"]).build()
    ops_only = filters.Chat(chat_id=OPS_CHAT_ID)
    application.add_handler(CommandHandler("reports", list_reports, filters=ops_only))
    application.add_handler(CommandHandler("report", get_report, filters=ops_only))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
