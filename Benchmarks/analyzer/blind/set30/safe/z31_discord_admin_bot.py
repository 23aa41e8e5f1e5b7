"""Ops helper bot: lets on-call engineers inspect services from Discord."""
import asyncio
import logging
import os

import discord
from discord.ext import commands

log = logging.getLogger("opsbot")

OPS_ROLE = "on-call"
MAX_OUTPUT = 1900
ALLOWED_SERVICES = frozenset({"api", "worker", "scheduler", "nginx", "postgresql", "redis"})

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)


def service_name(argument):
    if argument not in ALLOWED_SERVICES:
        raise commands.BadArgument(f"unknown service, pick one of: {', '.join(sorted(ALLOWED_SERVICES))}")
    return argument


async def run_command(*argv):
    proc = await asyncio.create_subprocess_exec(
        *argv,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        output, _ = await asyncio.wait_for(proc.communicate(), timeout=20)
    except asyncio.TimeoutError:
        proc.kill()
        return "command timed out"
    text = output.decode(errors="replace").strip() or "(no output)"
    return text[-MAX_OUTPUT:]


@bot.command(name="logs")
@commands.has_role(OPS_ROLE)
async def logs(ctx, service: service_name, lines: int = 50):
    lines = max(1, min(lines, 200))
    log.info("%s requested logs for %r", ctx.author.id, service)
    output = await run_command("journalctl", "-u", service, "-n", str(lines), "--no-pager")
    await ctx.send(f"```\n{output}\n```")


@bot.command(name="status")
@commands.has_role(OPS_ROLE)
async def status(ctx, service: service_name):
    log.info("%s requested status for %r", ctx.author.id, service)
    output = await run_command("systemctl", "status", service, "--no-pager")
    await ctx.send(f"```\n{output}\n```")


@bot.event
async def on_command_error(ctx, error):
    if isinstance(error, commands.MissingRole):
        await ctx.send("You need the on-call role for that.")
        return
    if isinstance(error, (commands.MissingRequiredArgument, commands.BadArgument)):
        await ctx.send(f"Usage: `!{ctx.command} <service>`")
        return
    log.error("command %r failed: %r", ctx.command and ctx.command.name, error)


@bot.event
async def on_ready():
    log.info("logged in as %s", bot.user)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    bot.run(os.environ["DISCORD_BOT_TOKEN"])
