"""Telegram bot that lets mobile subscribers check data usage and roaming rates."""
import logging
import os
import sqlite3
from contextlib import closing

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
log = logging.getLogger("usage-bot")

DB_PATH = os.environ.get("USAGE_DB", "/var/lib/usage-bot/usage.db")


def connect():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def linked_msisdn(chat_id: int):
    with closing(connect()) as conn:
        row = conn.execute("SELECT msisdn FROM telegram_links WHERE chat_id = ?", (chat_id,)).fetchone()
    return row["msisdn"] if row else None


async def usage(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msisdn = linked_msisdn(update.effective_chat.id)
    if msisdn is None:
        await update.message.reply_text("Link your number in the MyTelco app first.")
        return
    with closing(connect()) as conn:
        row = conn.execute(
            "SELECT used_mb, quota_mb, cycle_end FROM usage WHERE msisdn = ?", (msisdn,)
        ).fetchone()
    await update.message.reply_text(
        f"You have used {row['used_mb']} MB of {row['quota_mb']} MB. Cycle resets {row['cycle_end']}."
    )


async def roaming(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not context.args:
        await update.message.reply_text("Usage: /roaming <country>")
        return
    country = " ".join(context.args)
    sql = (
        "SELECT country, data_per_mb, call_per_min, sms FROM roaming_rates "
        "WHERE lower(country) = lower(?)"
    )
    with closing(connect()) as conn:
        row = conn.execute(sql, (country,)).fetchone()
    if row is None:
        await update.message.reply_text("No roaming tariff found for that country.")
        return
    await update.message.reply_text(
        f"{row['country']}: data {row['data_per_mb']}/MB, calls {row['call_per_min']}/min, SMS {row['sms']}"
    )


async def history(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    msisdn = linked_msisdn(update.effective_chat.id)
    if msisdn is None:
        await update.message.reply_text("Link your number in the MyTelco app first.")
        return
    try:
        days = max(1, min(int(context.args[0]) if context.args else 7, 90))
    except ValueError:
        await update.message.reply_text("Usage: /history [days]")
        return
    sql = (
        "SELECT day, SUM(mb) AS mb FROM daily_usage WHERE msisdn = ? "
        f"AND day >= date('now', '-{days} days') GROUP BY day ORDER BY day"
    )
    with closing(connect()) as conn:
        rows = conn.execute(sql, (msisdn,)).fetchall()
    lines = [f"{r['day']}: {r['mb']:.0f} MB" for r in rows] or ["No usage recorded."]
    await update.message.reply_text("\n".join(lines))


def main() -> None:
    app = Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"]).build()
    app.add_handler(CommandHandler("usage", usage))
    app.add_handler(CommandHandler("roaming", roaming))
    app.add_handler(CommandHandler("history", history))
    app.run_polling()


if __name__ == "__main__":
    main()
