"""Entry point for the team chat server (Flask + Socket.IO)."""
import logging
import os
import time
from collections import defaultdict, deque

from flask import Flask, abort, jsonify, request, session
from flask_socketio import SocketIO, emit, join_room, leave_room

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["TEAMCHAT_SECRET_KEY"]
app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
socketio = SocketIO(app, cors_allowed_origins=["https://chat.example.com"])
log = logging.getLogger("teamchat")

HISTORY = defaultdict(lambda: deque(maxlen=200))
MEMBERS = defaultdict(set)


@app.post("/api/session")
def start_session():
    nick = (request.get_json(force=True) or {}).get("nick", "").strip()
    if not nick or len(nick) > 32:
        abort(400, "nick must be 1-32 characters")
    session["nick"] = nick
    return jsonify(nick=nick)


@app.get("/api/rooms/<room>/history")
def history(room):
    if "nick" not in session:
        abort(401)
    return jsonify(messages=list(HISTORY[room]))


@socketio.on("join")
def on_join(data):
    nick = session.get("nick")
    if not nick:
        return False
    room = str(data.get("room", "general"))[:64]
    join_room(room)
    MEMBERS[room].add(nick)
    emit("presence", {"room": room, "members": sorted(MEMBERS[room])}, to=room)


@socketio.on("leave")
def on_leave(data):
    nick = session.get("nick")
    room = str(data.get("room", "general"))[:64]
    leave_room(room)
    MEMBERS[room].discard(nick)
    emit("presence", {"room": room, "members": sorted(MEMBERS[room])}, to=room)


@socketio.on("message")
def on_message(data):
    nick = session.get("nick")
    if not nick:
        return False
    room = str(data.get("room", "general"))[:64]
    msg = {"from": nick, "text": str(data.get("text", ""))[:4000], "ts": time.time()}
    HISTORY[room].append(msg)
    emit("message", msg, to=room)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    # nginx terminates TLS and proxies to the loopback listener
    socketio.run(app, host="127.0.0.1", port=5000, debug=False)
