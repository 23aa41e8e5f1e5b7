"""Community Discord bot with calculator and dice helpers for the tabletop channel."""
import logging
import math
import os
import random
import re

import discord
from discord.ext import commands

log = logging.getLogger("tablebot")

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(
    command_prefix="!",
    intents=intents,
    allowed_mentions=discord.AllowedMentions.none(),
)

DICE_RE = re.compile(r"^(\d{1,2})d(\d{1,3})([+-]\d{1,3})?$")
CONSTANTS = {"pi": math.pi, "e": math.e, "tau": math.tau}


def normalise(expression):
    return expression.replace("^", "**").replace("\u00d7", "*").replace("\u00f7", "/").strip("` ")


@bot.command(name="calc", help="Evaluate an arithmetic expression, e.g. !calc (3+4)*2")
async def calc(ctx, *, expression: str):
    if len(expression) > 100:
        await ctx.reply("That expression is too long.")
        return
    expr = normalise(expression)
    try:
        result = eval(expr, {"__builtins__": {}}, dict(CONSTANTS))  # VULN flow
    except Exception:
        await ctx.reply("I could not evaluate that expression.")
        return
    await ctx.reply(f"`{expr}` = **{result}**")


@bot.command(name="roll", help="Roll dice, e.g. !roll 2d20+3")
async def roll(ctx, spec: str = "1d6"):
    match = DICE_RE.fullmatch(spec.lower())
    if not match:
        await ctx.reply("Use the NdM+K format, e.g. `2d6+1`.")
        return
    count, sides = int(match.group(1)), int(match.group(2))
    modifier = int(match.group(3) or 0)
    if not (1 <= count <= 20 and 2 <= sides <= 100):
        await ctx.reply("Between 1 and 20 dice with 2 to 100 sides, please.")
        return
    rolls = [random.randint(1, sides) for _ in range(count)]
    await ctx.reply(f"{spec}: {rolls} {modifier:+d} = **{sum(rolls) + modifier}**")


@bot.event
async def on_ready():
    log.info("logged in as %r (%d guilds)", bot.user, len(bot.guilds))


if __name__ == "__main__":
    bot.run(os.environ["DISCORD_BOT_TOKEN"])
