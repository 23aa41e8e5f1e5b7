"""Room provisioning for the video-conferencing backend.

Creates meeting rooms with a join token (used in the invite link) and an
optional numeric passcode that dial-in participants type on the keypad.
"""
import hashlib
import random
import string
import time
from dataclasses import dataclass, field
from typing import Optional

TOKEN_ALPHABET = string.ascii_letters + string.digits


@dataclass
class Room:
    room_id: str
    owner: str
    join_token: str
    passcode_hash: Optional[str] = None
    created: float = field(default_factory=time.time)


class RoomStore:
    def __init__(self):
        self._rooms = {}
        self._by_token = {}

    def put(self, room: Room):
        self._rooms[room.room_id] = room
        self._by_token[room.join_token] = room

    def by_token(self, token: str) -> Optional[Room]:
        return self._by_token.get(token)


def new_join_token(length: int = 22) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def hash_passcode(passcode: str) -> str:
    return hashlib.md5(passcode.encode()).hexdigest()  # VULN


class RoomService:
    def __init__(self, store: RoomStore, base_url: str):
        self.store = store
        self.base_url = base_url.rstrip("/")

    def create_room(self, owner: str, passcode: Optional[str] = None) -> dict:
        room_id = f"{owner[:8]}-{int(time.time())}"
        room = Room(room_id=room_id, owner=owner, join_token=new_join_token())
        if passcode:
            if not passcode.isdigit() or not 4 <= len(passcode) <= 10:
                raise ValueError("passcode must be 4-10 digits")
            room.passcode_hash = hash_passcode(passcode)
        self.store.put(room)
        return {"room_id": room.room_id, "invite": f"{self.base_url}/j/{room.join_token}"}

    def admit(self, token: str, passcode: Optional[str] = None) -> Room:
        room = self.store.by_token(token)
        if room is None:
            raise PermissionError("unknown room")
        if room.passcode_hash:
            if passcode is None or hash_passcode(passcode) != room.passcode_hash:
                raise PermissionError("wrong passcode")
        return room


if __name__ == "__main__":
    svc = RoomService(RoomStore(), "https://meet.example.com")
    info = svc.create_room("alice@example.com", passcode="482913")
    print(info)
    token = info["invite"].rsplit("/", 1)[-1]
    print(svc.admit(token, "482913").room_id)
