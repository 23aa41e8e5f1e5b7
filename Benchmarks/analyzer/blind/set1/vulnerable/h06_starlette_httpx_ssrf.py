import httpx
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def link_preview(request):
    payload = await request.json()
    target = payload["url"]
    async with httpx.AsyncClient(timeout=5.0, follow_redirects=True) as client:
        resp = await client.get(target)  # VULN flow
    return JSONResponse({"status": resp.status_code, "snippet": resp.text[:200]})


app = Starlette(routes=[Route("/preview", link_preview, methods=["POST"])])
