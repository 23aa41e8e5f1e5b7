import re

from aiohttp import web

LOG_FILE = "/var/log/app/service.log"


def tail(path, limit=5000):
    with open(path, encoding="utf-8", errors="replace") as fh:
        return fh.readlines()[-limit:]


async def filter_logs(request):
    term = request.query.get("q", "")
    if not term or len(term) > 100:
        return web.json_response({"error": "q must be 1-100 characters"}, status=400)
    rx = re.compile(re.escape(term), re.IGNORECASE)
    matched = [line.rstrip("\n") for line in tail(LOG_FILE) if rx.search(line)]
    return web.json_response({"count": len(matched), "lines": matched[-200:]})


app = web.Application()
app.router.add_get("/ops/logs", filter_logs)
