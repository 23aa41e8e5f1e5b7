import base64
import pickle

from aiohttp import web


def load_prefs(raw):
    if not raw:
        return {}
    return pickle.loads(base64.b64decode(raw))  # VULN flow


async def dashboard(request):
    prefs = load_prefs(request.cookies.get("prefs"))
    theme = prefs.get("theme", "light")
    return web.json_response({"theme": theme})


app = web.Application()
app.router.add_get("/dashboard", dashboard)
