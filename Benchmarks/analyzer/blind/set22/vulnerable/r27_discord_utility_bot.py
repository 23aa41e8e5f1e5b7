"""Community Discord bot: dice rolls, unit conversions and a quick calculator."""
import logging
import os
import random

import discord
from discord.ext import commands

log = logging.getLogger("utility-bot")

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)

CONVERSIONS = {
    ("km", "mi"): 0.621371,
    ("mi", "km"): 1.609344,
    ("kg", "lb"): 2.204623,
    ("lb", "kg"): 0.453592,
}


@bot.event
async def on_ready():
    log.info("logged in as %s (%d guilds)", bot.user, len(bot.guilds))


@bot.command(name="roll", help="Roll dice, e.g. !roll 2d6")
async def roll(ctx, spec: str = "1d6"):
    try:
        count, sides = (int(x) for x in spec.lower().split("d", 1))
    except ValueError:
        await ctx.reply("Use the NdM format, e.g. `2d6`.")
        return
    if not (1 <= count <= 20 and 2 <= sides <= 100):
        await ctx.reply("Between 1 and 20 dice with 2-100 sides, please.")
        return
    rolls = [random.randint(1, sides) for _ in range(count)]  # game dice, not security
    await ctx.reply(f"{rolls} -> **{sum(rolls)}**")


@bot.command(name="convert", help="Convert units, e.g. !convert 5 km mi")
async def convert(ctx, amount: float, src: str, dst: str):
    factor = CONVERSIONS.get((src.lower(), dst.lower()))
    if factor is None:
        await ctx.reply("I don't know that conversion.")
        return
    await ctx.reply(f"{amount:g} {src} = {amount * factor:.3f} {dst}")


@bot.command(name="calc", help="Evaluate arithmetic, e.g. !calc (3+4)*2")
async def calc(ctx, *, expression: str):
    log.info("calc from %r: %r", str(ctx.author), expression)
    try:
        result = eval(expression)  # VULN
    except Exception as exc:
        await ctx.reply(f"Could not evaluate: {type(exc).__name__}")
        return
    await ctx.reply(f"`{expression}` = **{result}**")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    bot.run(os.environ["DISCORD_BOT_TOKEN"])
