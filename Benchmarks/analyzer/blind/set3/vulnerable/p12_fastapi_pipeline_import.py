import yaml
from fastapi import FastAPI, File, HTTPException, UploadFile

app = FastAPI(title="pipeline-service")


@app.post("/pipelines/import")
async def import_pipeline(spec: UploadFile = File(...)):
    content = await spec.read()
    try:
        pipeline = yaml.load(content, Loader=yaml.Loader)  # VULN flow
    except yaml.YAMLError as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    if not isinstance(pipeline, dict):
        raise HTTPException(status_code=422, detail="pipeline must be a mapping")
    steps = pipeline.get("steps", [])
    return {"name": pipeline.get("name"), "steps": len(steps)}
