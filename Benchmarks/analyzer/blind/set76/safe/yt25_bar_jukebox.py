"""Bar jukebox: patrons queue songs from their phones; MPD does the playing.

Runs on the little box behind the bar, talks to the local mpd through mpc.
"""
import html
import logging
import subprocess

from bottle import Bottle, request, response, run, template

app = Bottle()
log = logging.getLogger("jukebox")

MPC = "/usr/bin/mpc"
MPD_HOST = "127.0.0.1"
MAX_QUEUE = 30

SEARCH_TPL = """
<h1>Jukebox</h1>
<form action="/search"><input name="q" value="{{term}}"><button>Search</button></form>
<ul>
% for uri in results:
  <li><form method="post" action="/queue"><input type="hidden" name="song" value="{{uri}}">{{uri}} <button>Queue</button></form></li>
% end
</ul>
"""


def mpc(*args: str) -> str:
    full = [MPC, "-h", MPD_HOST, *args]
    return subprocess.check_output(full, text=True, timeout=10)


def queue_length() -> int:
    return len(mpc("playlist").splitlines())


@app.get("/")
@app.get("/search")
def search():
    term = request.query.getunicode("q", "") or ""
    results = []
    if term:
        results = mpc("search", "any", term).splitlines()[:50]
    return template(SEARCH_TPL, term=term, results=results)


@app.post("/queue")
def enqueue():
    song = request.forms.getunicode("song", "") or ""
    if not song:
        response.status = 400
        return "<p>Pick a song first.</p>"
    if queue_length() >= MAX_QUEUE:
        response.status = 429
        return "<p>The queue is full, try again in a few minutes.</p>"
    mpc("add", song)
    log.info("queued %r from %s", song, request.remote_addr)
    return f"<p>Queued <b>{html.escape(song)}</b> - thanks!</p><p><a href='/'>Back</a></p>"


@app.get("/now")
def now_playing():
    response.content_type = "application/json"
    current = mpc("current").strip()
    return {"now": current, "queued": queue_length()}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(app, host="127.0.0.1", port=8088)
