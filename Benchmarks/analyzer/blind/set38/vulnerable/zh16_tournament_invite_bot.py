import os
import random
import string
from datetime import datetime, timedelta, timezone

import discord
from discord import app_commands

from arena.db import InviteStore

INVITE_ALPHABET = string.ascii_uppercase + string.digits
INVITE_TTL = timedelta(hours=48)

intents = discord.Intents.default()
client = discord.Client(intents=intents)
tree = app_commands.CommandTree(client)
store = InviteStore(os.environ["ARENA_DB_URL"])


def new_invite_code(length: int = 10) -> str:
    return "".join(random.choice(INVITE_ALPHABET) for _ in range(length))  # VULN


async def organizer_tournament(interaction: discord.Interaction, slug: str):
    tournament = await store.get_tournament(slug)
    if tournament is None or tournament.organizer_id != interaction.user.id:
        await interaction.response.send_message("You don't organize that tournament.", ephemeral=True)
        return None
    return tournament


@tree.command(name="invite", description="Create a private invite code for your tournament")
@app_commands.describe(tournament="Tournament slug")
async def invite(interaction: discord.Interaction, tournament: str):
    t = await organizer_tournament(interaction, tournament)
    if t is None:
        return
    code = new_invite_code()
    expires = datetime.now(timezone.utc) + INVITE_TTL
    await store.save_invite(t.id, code, expires)
    await interaction.response.send_message(f"Invite code `{code}` valid until {expires:%Y-%m-%d %H:%M} UTC", ephemeral=True)


@tree.command(name="join", description="Join a tournament with an invite code")
async def join(interaction: discord.Interaction, code: str):
    result = await store.redeem(code.strip().upper(), interaction.user.id, now=datetime.now(timezone.utc))
    if result is None:
        await interaction.response.send_message("That code is invalid or expired.", ephemeral=True)
        return
    await interaction.response.send_message(f"You're in **{discord.utils.escape_markdown(result.name)}**!", ephemeral=True)


@tree.command(name="seed", description="Randomly seed the bracket")
async def seed(interaction: discord.Interaction, tournament: str):
    t = await organizer_tournament(interaction, tournament)
    if t is None:
        return
    players = await store.participants(t.id)
    random.SystemRandom().shuffle(players)
    await store.save_bracket(t.id, [p.id for p in players])
    await interaction.response.send_message(f"Bracket seeded with {len(players)} players.")


@client.event
async def on_ready():
    await tree.sync()


if __name__ == "__main__":
    client.run(os.environ["DISCORD_TOKEN"])
