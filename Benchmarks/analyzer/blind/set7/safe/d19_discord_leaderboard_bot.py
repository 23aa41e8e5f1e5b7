import os

import discord
import psycopg2
from discord.ext import commands
from psycopg2 import sql

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)
RANK_BY = {"score": "total", "games": "played", "best": "best"}


def db():
    return psycopg2.connect(os.environ["STATS_DSN"])


def leaderboard_query(order_key):
    return sql.SQL(
        "SELECT player, SUM(score) AS total, COUNT(*) AS played, MAX(score) AS best FROM scores "
        "WHERE game = %s AND played_at > now() - make_interval(days => %s) "
        "GROUP BY player ORDER BY {} DESC LIMIT 10"
    ).format(sql.Identifier(RANK_BY[order_key]))


@bot.command(name="top")
async def top(ctx, game: str, days: int = 7, rank: str = "score"):
    if rank not in RANK_BY or not 1 <= days <= 365:
        await ctx.send("usage: !top <game> [days 1-365] [score|games|best]")
        return
    conn = db()
    try:
        with conn.cursor() as cur:
            cur.execute(leaderboard_query(rank), (game, days))
            rows = cur.fetchall()
    finally:
        conn.close()
    if not rows:
        await ctx.send(f"no scores for {game} in the last {days} days")
        return
    lines = [f"{i}. {r[0]} - {r[1]} pts, {r[2]} games, best {r[3]}" for i, r in enumerate(rows, 1)]
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
