"""Discord bot for the guild's shared crafting inventory."""
import logging
import os
import sqlite3

import discord
from discord.ext import commands

log = logging.getLogger("inventory-bot")
DB_PATH = os.environ.get("INVENTORY_DB", "inventory.sqlite3")

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)


def get_db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@bot.command(name="item")
async def item(ctx: commands.Context, *, name: str):
    """Look up how many of an item the guild bank holds."""
    with get_db() as conn:
        rows = conn.execute(
            "SELECT name, quantity, owner FROM items WHERE name LIKE ? ESCAPE '\\' ORDER BY name LIMIT 10",
            (like_pattern(name[:64]),),
        ).fetchall()
    if not rows:
        await ctx.send("Nothing matching that name in the bank.")
        return
    lines = [f"**{r['name']}** x{r['quantity']} (held by {r['owner']})" for r in rows]
    await ctx.send("\n".join(lines), allowed_mentions=discord.AllowedMentions.none())


@bot.command(name="deposit")
async def deposit(ctx: commands.Context, quantity: int, *, name: str):
    if quantity <= 0:
        await ctx.send("Quantity must be positive.")
        return
    with get_db() as conn:
        conn.execute(
            "INSERT INTO items (name, quantity, owner) VALUES (?, ?, ?) "
            "ON CONFLICT(name, owner) DO UPDATE SET quantity = quantity + excluded.quantity",
            (name[:64], quantity, str(ctx.author)),
        )
    await ctx.send(f"Deposited {quantity}.")


@bot.event
async def on_ready():
    log.info("logged in as %s", bot.user)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    bot.run(os.environ["DISCORD_TOKEN"])
