"""Backs the "Try it" boxes of the config-format docs: checks and pretty-prints literal snippets."""
import ast
import json
import pprint

from aiohttp import web

MAX_SOURCE = 4000


def check_snippet(source):
    tree = ast.parse(source, "<snippet>", mode="exec")
    assigned = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            assigned.extend(t.id for t in node.targets if isinstance(t, ast.Name))
    return {"statements": len(tree.body), "assigned": assigned}


def evaluate_literal(source):
    value = ast.literal_eval(source)
    try:
        return json.dumps(value, indent=2, sort_keys=True)
    except TypeError:
        return pprint.pformat(value, width=88)


async def handle_run(request):
    payload = await request.json()
    source = payload.get("source", "")
    mode = payload.get("mode", "literal")
    if not isinstance(source, str) or len(source) > MAX_SOURCE:
        return web.json_response({"error": "snippet too long"}, status=413)
    try:
        if mode == "check":
            return web.json_response(check_snippet(source))
        output = evaluate_literal(source)
    except SyntaxError as exc:
        return web.json_response({"error": f"syntax error on line {exc.lineno}"}, status=400)
    except (ValueError, TypeError, MemoryError, RecursionError):
        return web.json_response({"error": "only literals (numbers, strings, lists, dicts) are allowed"}, status=400)
    return web.json_response({"output": output[:10000]})


def make_app():
    app = web.Application(client_max_size=64 * 1024)
    app.router.add_post("/api/run", handle_run)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
