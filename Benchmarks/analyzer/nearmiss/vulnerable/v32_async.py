import asyncio
from aiohttp import web

async def handle(request):
    name = request.query.get("name")
    proc = await asyncio.create_subprocess_shell("echo " + name)  # VULN flow
    await proc.wait()
    return web.Response(text="ok")
