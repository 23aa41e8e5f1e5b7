import os

import discord
import psycopg2
from discord.ext import commands

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)


def db():
    return psycopg2.connect(os.environ["STATS_DSN"])


def leaderboard_sql(game, period):
    return (
        "SELECT player, SUM(score) AS total FROM scores "
        "WHERE game = '{}' AND played_at > now() - interval '{}' "
        "GROUP BY player ORDER BY total DESC LIMIT 10"
    ).format(game, period)


@bot.command(name="top")
async def top(ctx, game: str, *, period: str = "7 days"):
    conn = db()
    try:
        with conn.cursor() as cur:
            cur.execute(leaderboard_sql(game, period))  # VULN flow
            rows = cur.fetchall()
    finally:
        conn.close()
    if not rows:
        await ctx.send(f"no scores for {game} in the last {period}")
        return
    lines = [f"{i}. {player} - {total}" for i, (player, total) in enumerate(rows, 1)]
    await ctx.send("```\n" + "\n".join(lines) + "\n```")


@bot.command(name="games")
async def games(ctx):
    conn = db()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT DISTINCT game FROM scores ORDER BY game")
            names = [r[0] for r in cur.fetchall()]
    finally:
        conn.close()
    await ctx.send(", ".join(names) or "no games yet")


if __name__ == "__main__":
    bot.run(os.environ["DISCORD_TOKEN"])
