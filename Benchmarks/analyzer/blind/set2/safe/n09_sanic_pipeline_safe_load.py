import yaml
from sanic import Sanic
from sanic.response import json

app = Sanic("pipeline_admin")
app.ctx.pipelines = {}


def parse_pipeline(text):
    spec = yaml.safe_load(text)
    if not isinstance(spec, dict) or "steps" not in spec:
        raise ValueError("pipeline must define steps")
    return spec


@app.post("/pipelines/import")
async def import_pipeline(request):
    try:
        spec = parse_pipeline(request.body.decode("utf-8"))
    except (ValueError, yaml.YAMLError) as exc:
        return json({"error": str(exc)}, status=400)
    app.ctx.pipelines[spec["name"]] = spec
    return json({"imported": spec["name"], "steps": len(spec["steps"])})
