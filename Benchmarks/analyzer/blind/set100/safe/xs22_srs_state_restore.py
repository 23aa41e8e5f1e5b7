"""Backup and restore of spaced-repetition state (Bottle service).

The desktop app lets learners download a backup of their review state
and restore it later, e.g. after reinstalling.
"""
import json
import os
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import List

from bottle import Bottle, HTTPError, request, response

app = Bottle()
DB_PATH = os.environ.get("SRS_DB", "srs.db")
COOKIE_SECRET = os.environ["SRS_COOKIE_SECRET"]


@dataclass
class CardState:
    card_id: int
    interval: int
    ease: float
    due: str
    lapses: int = 0


@dataclass
class DeckState:
    deck_id: int
    cards: List[CardState] = field(default_factory=list)


def current_user() -> int:
    uid = request.get_cookie("uid", secret=COOKIE_SECRET)
    if uid is None:
        raise HTTPError(401, "login required")
    return int(uid)


def load_state(user_id: int, deck_id: int) -> DeckState:
    with sqlite3.connect(DB_PATH) as conn:
        rows = conn.execute(
            "SELECT card_id, interval_days, ease, due_at, lapses FROM review_state WHERE user_id = ? AND deck_id = ?",
            (user_id, deck_id),
        ).fetchall()
    return DeckState(deck_id, [CardState(*r) for r in rows])


def save_state(user_id: int, state: DeckState) -> None:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("DELETE FROM review_state WHERE user_id = ? AND deck_id = ?", (user_id, state.deck_id))
        conn.executemany(
            "INSERT INTO review_state (user_id, deck_id, card_id, interval_days, ease, due_at, lapses) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(user_id, state.deck_id, c.card_id, c.interval, c.ease, c.due, c.lapses) for c in state.cards],
        )


def restore_from_backup(text: str) -> DeckState:
    data = json.loads(text)
    if not isinstance(data, dict) or "deck_id" not in data:
        raise ValueError("backup does not contain a deck")
    cards = [
        CardState(int(c["card_id"]), int(c["interval"]), float(c["ease"]), str(c["due"]), int(c.get("lapses", 0)))
        for c in data.get("cards", [])
    ]
    return DeckState(int(data["deck_id"]), cards)


@app.get("/api/srs/backup/<deck_id:int>")
def backup(deck_id: int):
    state = load_state(current_user(), deck_id)
    response.content_type = "application/json"
    response.set_header("Content-Disposition", f'attachment; filename="deck-{deck_id}.srs.json"')
    return json.dumps(asdict(state))


@app.post("/api/srs/restore")
def restore():
    user_id = current_user()
    body = request.body.read(5 * 1024 * 1024).decode("utf-8")
    try:
        state = restore_from_backup(body)
    except (ValueError, TypeError, KeyError):
        raise HTTPError(400, "invalid backup file")
    save_state(user_id, state)
    response.content_type = "application/json"
    return json.dumps({"deck_id": state.deck_id, "cards": len(state.cards)})
