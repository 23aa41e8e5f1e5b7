"""Telegram bot that hands out generated PDF reports to the ops group."""
import logging
import os

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

logging.basicConfig(format="%(asctime)s %(name)s %(levelname)s %(message)s", level=logging.INFO)
logger = logging.getLogger("reportbot")

BOT_TOKEN = "6029384756:AAH3kLw9vQ2xZr7uYtB5nMc1pEoD8sFgJhK"  # VULN
REPORTS_DIR = "/srv/reports/out"


async def list_reports(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    names = sorted(f for f in os.listdir(REPORTS_DIR) if f.endswith(".pdf"))[-20:]
    if not names:
        await update.message.reply_text("No reports generated yet.")
        return
    await update.message.reply_text("Latest reports:\n" + "\n".join(names))


async def get_report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not context.args:
        await update.message.reply_text("Usage: /report <file name>")
        return
    name = " ".join(context.args)
    path = os.path.join(REPORTS_DIR, name)
    if not os.path.isfile(path):
        await update.message.reply_text("Report not found.")
        return
    with open(path, "rb") as fh:  # VULN flow
        await update.message.reply_document(fh, filename=os.path.basename(path))


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.message.reply_text("Hi! Use /reports to list and /report <name> to download.")


def main() -> None:
    application = Application.builder().token(BOT_TOKEN).build()
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("reports", list_reports))
    application.add_handler(CommandHandler("report", get_report))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
