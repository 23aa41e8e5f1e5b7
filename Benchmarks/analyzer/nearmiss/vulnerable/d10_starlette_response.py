from starlette.responses import Response

async def echo(request):
    q = request.query_params.get("q", "")
    return Response(content="<p>" + q + "</p>", media_type="text/html")  # VULN flow
