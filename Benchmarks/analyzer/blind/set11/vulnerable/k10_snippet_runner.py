"""Runs the short Python examples embedded in the docs site's "Try it" boxes."""
import contextlib
import io
import math

from aiohttp import web

MAX_SOURCE = 4000
SAFE_BUILTINS = {
    "print": print,
    "range": range,
    "len": len,
    "sum": sum,
    "min": min,
    "max": max,
    "sorted": sorted,
    "enumerate": enumerate,
    "str": str,
    "int": int,
    "float": float,
    "list": list,
    "dict": dict,
}


def run_snippet(source):
    buf = io.StringIO()
    scope = {"__builtins__": SAFE_BUILTINS, "math": math}
    code = compile(source, "<snippet>", "exec")
    with contextlib.redirect_stdout(buf):
        exec(code, scope)  # VULN flow
    return buf.getvalue()


async def handle_run(request):
    payload = await request.json()
    source = payload.get("source", "")
    if not isinstance(source, str) or len(source) > MAX_SOURCE:
        return web.json_response({"error": "snippet too long"}, status=413)
    if "import" in source or "open(" in source:
        return web.json_response({"error": "imports are not available here"}, status=400)
    try:
        output = run_snippet(source)
    except SyntaxError as exc:
        return web.json_response({"error": f"syntax error on line {exc.lineno}"}, status=400)
    except Exception as exc:
        return web.json_response({"error": type(exc).__name__}, status=400)
    return web.json_response({"output": output[:10000]})


def make_app():
    app = web.Application(client_max_size=64 * 1024)
    app.router.add_post("/api/run", handle_run)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
