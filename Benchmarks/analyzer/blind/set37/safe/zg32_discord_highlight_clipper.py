"""Discord bot that cuts highlight clips from archived match footage."""
import asyncio
import logging
import os
import re
from pathlib import Path

import discord
from discord.ext import commands

log = logging.getLogger("clipbot")

FOOTAGE_ROOT = Path(os.environ.get("FOOTAGE_ROOT", "/srv/footage"))
CLIP_ROOT = Path(os.environ.get("CLIP_ROOT", "/srv/clips"))
MAX_CLIP_SECONDS = 90
TIMESTAMP_RE = re.compile(r"\d{1,2}:[0-5]\d:[0-5]\d(?:\.\d{1,3})?")

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)


async def cut_clip(source: Path, start: str, seconds: float, dest: Path) -> int:
    cmd = [
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-ss", start, "-t", f"{seconds:.1f}",
        "-i", str(source), "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", str(dest),
    ]
    proc = await asyncio.create_subprocess_exec(*cmd)
    return await proc.wait()


@bot.command(name="clip", help="!clip <match_id> <HH:MM:SS> [seconds]")
@commands.cooldown(1, 30, commands.BucketType.user)
async def clip(ctx: commands.Context, match_id: int, start: str, duration: str = "30"):
    try:
        seconds = float(duration)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= MAX_CLIP_SECONDS:
        await ctx.reply(f"Clip length must be between 1 and {MAX_CLIP_SECONDS} seconds.")
        return
    if not TIMESTAMP_RE.fullmatch(start):
        await ctx.reply("Start time must look like HH:MM:SS.")
        return
    source = FOOTAGE_ROOT / f"{match_id}.mp4"
    if not source.exists():
        await ctx.reply(f"No footage archived for match {match_id}.")
        return
    CLIP_ROOT.mkdir(parents=True, exist_ok=True)
    dest = CLIP_ROOT / f"{match_id}_{ctx.message.id}.mp4"
    async with ctx.typing():
        rc = await cut_clip(source, start, seconds, dest)
    if rc != 0 or not dest.exists():
        await ctx.reply("ffmpeg could not cut that clip - check the timestamp format (HH:MM:SS).")
        return
    await ctx.reply(file=discord.File(dest))


@clip.error
async def clip_error(ctx: commands.Context, error: commands.CommandError):
    if isinstance(error, commands.CommandOnCooldown):
        await ctx.reply(f"Slow down - try again in {error.retry_after:.0f}s.")
    elif isinstance(error, (commands.BadArgument, commands.MissingRequiredArgument)):
        await ctx.reply("Usage: `!clip <match_id> <HH:MM:SS> [seconds]`")
    else:
        log.error("clip command failed: %s", type(error).__name__)
        await ctx.reply("Something went wrong cutting that clip.")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    bot.run(os.environ["DISCORD_BOT_TOKEN"])
