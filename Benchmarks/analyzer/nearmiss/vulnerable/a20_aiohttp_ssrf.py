import aiohttp
from aiohttp import web

async def proxy(request):
    url = request.query["url"]
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:  # VULN flow
            return web.Response(text=await resp.text())
