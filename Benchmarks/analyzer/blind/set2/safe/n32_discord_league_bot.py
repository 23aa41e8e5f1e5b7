import os
import sqlite3

import discord
from discord.ext import commands

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)
db = sqlite3.connect(os.environ.get("LEAGUE_DB", "league.db"))

SORT_COLUMNS = {
    "score": "score DESC",
    "name": "name COLLATE NOCASE ASC",
    "games": "games_played DESC",
}


@bot.command(name="top")
async def top(ctx, team: str, sort: str = "score"):
    order = SORT_COLUMNS.get(sort.lower(), SORT_COLUMNS["score"])
    query = f"SELECT name, score FROM players WHERE team = ? ORDER BY {order} LIMIT 10"
    rows = db.execute(query, (team,)).fetchall()
    if not rows:
        await ctx.send(f"No players found for {discord.utils.escape_markdown(team)}")
        return
    await ctx.send("\n".join(f"{i}. {name} ({score})" for i, (name, score) in enumerate(rows, 1)))


if __name__ == "__main__":
    bot.run(os.environ["DISCORD_TOKEN"])
