import re

from aiohttp import web

LOG_FILE = "/var/log/app/service.log"


def tail(path, limit=5000):
    with open(path, encoding="utf-8", errors="replace") as fh:
        return fh.readlines()[-limit:]


async def filter_logs(request):
    pattern = request.query.get("pattern", "")
    if not pattern:
        return web.json_response({"error": "pattern required"}, status=400)
    try:
        rx = re.compile(pattern)  # VULN flow
    except re.error as exc:
        return web.json_response({"error": str(exc)}, status=400)
    matched = [line.rstrip("\n") for line in tail(LOG_FILE) if rx.search(line)]
    return web.json_response({"count": len(matched), "lines": matched[-200:]})


app = web.Application()
app.router.add_get("/ops/logs", filter_logs)
