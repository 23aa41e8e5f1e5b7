"""Data pipeline service: applies per-job record transforms before loading."""
import hmac
import json
import logging
import os

from aiohttp import web

logger = logging.getLogger("pipeline.transforms")

MAX_RECORDS = 5000


class TransformError(Exception):
    pass


def _rename(record, args):
    record[str(args["to"])] = record.pop(str(args["from"]), None)
    return record


def _drop(record, args):
    for name in args.get("fields", []):
        record.pop(str(name), None)
    return record


def _round(record, args):
    field = str(args["field"])
    record[field] = round(float(record[field]), int(args.get("digits", 2)))
    return record


def _keep_if_equals(record, args):
    return record if record.get(str(args["field"])) == args["value"] else None


TRANSFORMS = {"rename": _rename, "drop": _drop, "round": _round, "keep_if_equals": _keep_if_equals}


def compile_transform(steps):
    if not isinstance(steps, list):
        raise TransformError("transform must be a list of steps")
    plan = []
    for step in steps:
        func = TRANSFORMS.get(step.get("op")) if isinstance(step, dict) else None
        if func is None:
            raise TransformError("unknown transform step")
        plan.append((func, dict(step.get("args", {}))))

    def transform(record):
        for func, args in plan:
            record = func(record, args)
            if record is None:
                return None
        return record

    return transform


class TransformJob:
    def __init__(self, spec):
        self.name = str(spec.get("name", "unnamed"))[:64]
        self.source = spec.get("transform", [])
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
