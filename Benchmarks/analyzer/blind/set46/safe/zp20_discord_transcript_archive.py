"""Archive Discord support-ticket transcripts to object storage, encrypted at rest.

Runs as a cog in the support bot: when a ticket channel is closed the full
history is serialized, encrypted and uploaded.
"""
import base64
import json
import logging
import os
from datetime import datetime, timezone

import boto3
from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes
from discord.ext import commands

log = logging.getLogger("transcripts")

BUCKET = os.environ.get("TRANSCRIPT_BUCKET", "support-transcripts")
ARCHIVE_KEY = base64.b64decode(os.environ["TRANSCRIPT_KEY_B64"])  # 32 bytes


class TranscriptCipher:
    def __init__(self, key: bytes):
        if len(key) != 32:
            raise ValueError("transcript key must be 256 bits")
        self.key = key

    def _cipher(self, nonce: bytes):
        return AES.new(self.key, AES.MODE_GCM, nonce=nonce)

    def encrypt(self, plaintext: bytes) -> bytes:
        nonce = get_random_bytes(12)
        ciphertext, tag = self._cipher(nonce).encrypt_and_digest(plaintext)
        return nonce + tag + ciphertext

    def decrypt(self, blob: bytes) -> bytes:
        nonce, tag, ciphertext = blob[:12], blob[12:28], blob[28:]
        return self._cipher(nonce).decrypt_and_verify(ciphertext, tag)


class TranscriptArchive(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot
        self.cipher = TranscriptCipher(ARCHIVE_KEY)
        self.s3 = boto3.client("s3")

    async def collect(self, channel) -> list:
        messages = []
        async for msg in channel.history(limit=None, oldest_first=True):
            messages.append({
                "author": str(msg.author),
                "author_id": msg.author.id,
                "content": msg.content,
                "at": msg.created_at.isoformat(),
                "attachments": [a.url for a in msg.attachments],
            })
        return messages

    @commands.command(name="close")
    @commands.has_role("Support")
    async def close_ticket(self, ctx: commands.Context):
        history = await self.collect(ctx.channel)
        doc = {
            "channel": ctx.channel.name,
            "guild": ctx.guild.id,
            "closed_by": ctx.author.id,
            "closed_at": datetime.now(timezone.utc).isoformat(),
            "messages": history,
        }
        blob = self.cipher.encrypt(json.dumps(doc).encode("utf-8"))
        key = f"{ctx.guild.id}/{ctx.channel.id}.json.enc"
        self.s3.put_object(Bucket=BUCKET, Key=key, Body=blob)
        log.info("archived %d messages to s3://%s/%s", len(history), BUCKET, key)
        await ctx.send(f"Transcript archived ({len(history)} messages). Closing channel.")
        await ctx.channel.delete(reason="ticket closed")

    def load(self, guild_id: int, channel_id: int) -> dict:
        obj = self.s3.get_object(Bucket=BUCKET, Key=f"{guild_id}/{channel_id}.json.enc")
        return json.loads(self.cipher.decrypt(obj["Body"].read()))


async def setup(bot: commands.Bot):
    await bot.add_cog(TranscriptArchive(bot))
