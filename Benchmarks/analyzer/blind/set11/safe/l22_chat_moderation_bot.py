"""Moderation bot for the community Discord server."""
import collections
import os
import re

import discord

intents = discord.Intents.default()
intents.message_content = True
client = discord.Client(intents=intents)

HISTORY = collections.defaultdict(lambda: collections.deque(maxlen=500))
BANNED_WORDS = {"freenitro", "crypto-airdrop"}
SHOUTING = re.compile(r"^[A-Z0-9\s]{12,}[!?]{3,}$")
LINK = re.compile(r"https?://\S+")


def is_spam(text):
    lowered = text.lower()
    if any(word in lowered for word in BANNED_WORDS):
        return True
    if len(LINK.findall(text)) > 5:
        return True
    return bool(SHOUTING.match(text))


def find_messages(channel_id, term):
    needle = re.compile(re.escape(term[:100]), re.IGNORECASE)
    hits = []
    for author, text in HISTORY[channel_id]:
        if needle.search(text):
            hits.append(f"{author}: {text[:80]}")
    return hits[-10:]


@client.event
async def on_ready():
    print(f"logged in as {client.user}")


@client.event
async def on_message(message):
    if message.author.bot:
        return
    if message.content.startswith("!find "):
        term = message.content[len("!find "):]
        hits = find_messages(message.channel.id, term)
        await message.reply("\n".join(hits) or "nothing found", mention_author=False)
        return
    HISTORY[message.channel.id].append((message.author.display_name, message.content))
    if is_spam(message.content):
        await message.delete()
        await message.channel.send(f"{message.author.mention} your message was removed as spam.")


if __name__ == "__main__":
    client.run(os.environ["DISCORD_TOKEN"])
