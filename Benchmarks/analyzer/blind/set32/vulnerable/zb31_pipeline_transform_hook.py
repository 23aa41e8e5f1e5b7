"""Data pipeline service: applies per-job record transforms before loading."""
import hmac
import json
import logging
import os

from aiohttp import web

logger = logging.getLogger("pipeline.transforms")

MAX_RECORDS = 5000
SAFE_BUILTINS = {"len": len, "str": str, "int": int, "float": float, "round": round, "min": min, "max": max}


class TransformError(Exception):
    pass


def compile_transform(source):
    namespace = {}
    exec(source, {"__builtins__": SAFE_BUILTINS}, namespace)  # VULN flow
    func = namespace.get("transform")
    if not callable(func):
        raise TransformError("source must define transform(record)")
    return func


class TransformJob:
    def __init__(self, spec):
        self.name = str(spec.get("name", "unnamed"))[:64]
        self.source = spec.get("transform", "")
        self.records = spec.get("records", [])
        if not isinstance(self.records, list) or len(self.records) > MAX_RECORDS:
            raise TransformError("records must be a list of at most %d items" % MAX_RECORDS)

    def run(self):
        func = compile_transform(self.source)
        output = []
        for record in self.records:
            result = func(dict(record))
            if result is not None:
                output.append(result)
        return output


@web.middleware
async def require_pipeline_token(request, handler):
    supplied = request.headers.get("X-Pipeline-Token", "")
    if not hmac.compare_digest(supplied.encode(), os.environ["PIPELINE_TOKEN"].encode()):
        raise web.HTTPUnauthorized()
    return await handler(request)


async def run_transform(request):
    try:
        spec = await request.json()
        job = TransformJob(spec)
        output = job.run()
    except (json.JSONDecodeError, TransformError, TypeError, ValueError, KeyError):
        return web.json_response({"error": "transform failed"}, status=422)
    logger.info("job %r transformed %d -> %d records", job.name, len(job.records), len(output))
    return web.json_response({"job": job.name, "records": output})


def create_app():
    app = web.Application(client_max_size=8 * 1024 * 1024, middlewares=[require_pipeline_token])
    app.router.add_post("/v1/transforms/run", run_transform)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8095")))
