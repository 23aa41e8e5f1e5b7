"""Discord bot: members register keyword alerts and get a DM when one is mentioned."""
import os
import re
from collections import defaultdict

import discord

intents = discord.Intents.default()
intents.message_content = True
bot = discord.Client(intents=intents)

MAX_ALERTS_PER_GUILD = 200
MAX_KEYWORD_LENGTH = 64
ALERTS = defaultdict(list)


class Alert:
    def __init__(self, owner_id, keyword):
        self.owner_id = owner_id
        self.keyword = keyword
        self.matcher = re.compile(r"\b" + re.escape(keyword) + r"\b", re.IGNORECASE)

    def matches(self, text):
        return self.matcher.search(text) is not None


def register(guild_id, owner_id, raw):
    keyword = raw.strip()
    if not keyword:
        return "Usage: `!alert <keyword>`"
    if len(keyword) > MAX_KEYWORD_LENGTH:
        return f"Keywords are limited to {MAX_KEYWORD_LENGTH} characters."
    if len(ALERTS[guild_id]) >= MAX_ALERTS_PER_GUILD:
        return "This server has reached its alert limit."
    ALERTS[guild_id].append(Alert(owner_id, keyword))
    return "Alert saved. I'll DM you when it comes up."


def unregister(guild_id, owner_id):
    before = len(ALERTS[guild_id])
    ALERTS[guild_id] = [a for a in ALERTS[guild_id] if a.owner_id != owner_id]
    return before - len(ALERTS[guild_id])


@bot.event
async def on_message(message):
    if message.author.bot or message.guild is None:
        return
    content = message.content
    if content.startswith("!alert "):
        reply = register(message.guild.id, message.author.id, content[len("!alert "):])
        await message.channel.send(reply)
        return
    if content.strip() == "!unalert":
        removed = unregister(message.guild.id, message.author.id)
        await message.channel.send(f"Removed {removed} alert(s).")
        return
    for alert in ALERTS[message.guild.id]:
        if alert.owner_id != message.author.id and alert.matches(content):
            user = await bot.fetch_user(alert.owner_id)
            await user.send(f"Your alert fired in #{message.channel.name}: {message.jump_url}")


if __name__ == "__main__":
    bot.run(os.environ["DISCORD_TOKEN"])
