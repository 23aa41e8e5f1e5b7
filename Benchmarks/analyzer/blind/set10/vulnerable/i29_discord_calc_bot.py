import math
import os

import discord
from discord.ext import commands

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents, allowed_mentions=discord.AllowedMentions.none())

HELPERS = {
    "sqrt": math.sqrt,
    "pi": math.pi,
    "e": math.e,
    "sin": math.sin,
    "cos": math.cos,
    "log": math.log,
}


def compute(expression):
    expr = expression.replace("^", "**").replace("\u00d7", "*")
    return eval(expr, {"__builtins__": {}}, HELPERS)  # VULN flow


@bot.command(name="calc", help="evaluate an arithmetic expression")
async def calc(ctx, *, expression: str):
    try:
        result = compute(expression)
    except Exception:
        await ctx.reply("Could not evaluate that.")
        return
    await ctx.reply(f"`{expression[:200]}` = **{result}**")


@bot.event
async def on_ready():
    print(f"logged in as {bot.user}")


if __name__ == "__main__":
    bot.run(os.environ["DISCORD_TOKEN"])
