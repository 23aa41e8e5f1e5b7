#!/usr/bin/env python3
"""Post the "word of the day" to every language classroom channel.

Runs from cron at 07:30 on school days.
"""
import datetime as dt
import json
import logging
import os
import random
import sys
from pathlib import Path

import requests

log = logging.getLogger("word_of_the_day")

CHAT_API = "https://chat.school-tools.example/api/v1"
BOT_TOKEN = os.environ["WOTD_BOT_TOKEN"]
CA_BUNDLE = os.environ.get("WOTD_CA_BUNDLE") or True
WORDLIST = Path(__file__).with_name("wotd.json")


def pick_word(words: list, day: dt.date) -> dict:
    # deterministic per day so re-runs post the same word
    rng = random.Random(day.toordinal())
    return rng.choice(words)


def make_session() -> requests.Session:
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {BOT_TOKEN}", "User-Agent": "wotd-bot/1.4"})
    s.verify = CA_BUNDLE
    return s


def list_channels(s: requests.Session) -> list:
    resp = s.get(f"{CHAT_API}/channels", params={"tag": "language-class"}, timeout=10)
    resp.raise_for_status()
    return resp.json()["channels"]


def post_word(s: requests.Session, channel: dict, entry: dict) -> None:
    text = (
        f"*Word of the day* ({entry['lang']}): **{entry['word']}** - {entry['meaning']}\n"
        f"_Example:_ {entry['example']}"
    )
    resp = s.post(f"{CHAT_API}/channels/{channel['id']}/messages", json={"text": text}, timeout=10)
    resp.raise_for_status()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    today = dt.date.today()
    if today.weekday() >= 5:
        log.info("weekend, nothing to post")
        return 0
    words = json.loads(WORDLIST.read_text(encoding="utf-8"))
    s = make_session()
    failures = 0
    for channel in list_channels(s):
        lang_words = [w for w in words if w["lang"] == channel.get("language")]
        if not lang_words:
            continue
        try:
            post_word(s, channel, pick_word(lang_words, today))
        except requests.RequestException as exc:
            failures += 1
            log.error("posting to channel %s failed: %s", channel["id"], exc)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
