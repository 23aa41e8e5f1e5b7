"""Upload and validation service for data-pipeline YAML definitions."""
import logging
import os
from dataclasses import dataclass, field
from typing import Any

import yaml
from flask import Flask, jsonify, request

logger = logging.getLogger("pipelines.config")
app = Flask(__name__)
app.config["DEBUG"] = os.environ.get("PIPELINES_DEBUG") == "1"
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024

ALLOWED_STEP_TYPES = {"extract", "transform", "load", "notify"}


@dataclass
class PipelineStep:
    name: str
    type: str
    options: dict = field(default_factory=dict)


@dataclass
class PipelineDefinition:
    name: str
    schedule: str
    steps: list = field(default_factory=list)


class DefinitionError(ValueError):
    pass


class DefinitionLoader:
    def __init__(self, loader_cls=yaml.SafeLoader):
        self.loader_cls = loader_cls

    def parse(self, text: str) -> Any:
        return yaml.load(text, Loader=self.loader_cls)

    def build(self, text: str) -> PipelineDefinition:
        doc = self.parse(text)
        if not isinstance(doc, dict):
            raise DefinitionError("top-level document must be a mapping")
        steps = []
        for raw in doc.get("steps", []):
            if raw.get("type") not in ALLOWED_STEP_TYPES:
                raise DefinitionError(f"unsupported step type {raw.get('type')!r}")
            steps.append(PipelineStep(name=str(raw["name"]), type=raw["type"], options=raw.get("options", {})))
        return PipelineDefinition(name=str(doc["name"]), schedule=str(doc.get("schedule", "@daily")), steps=steps)


class PipelineRegistry:
    def __init__(self, store):
        self.store = store

    def register(self, owner: str, definition: PipelineDefinition) -> str:
        key = f"{owner}/{definition.name}"
        self.store[key] = definition
        return key


registry = PipelineRegistry({})
loader = DefinitionLoader()


@app.route("/pipelines", methods=["POST"])
def upload_pipeline():
    owner = request.headers.get("X-Team", "unknown")
    text = request.get_data(as_text=True)
    try:
        definition = loader.build(text)
    except (yaml.YAMLError, DefinitionError, KeyError, AttributeError) as exc:
        logger.info("rejected pipeline from team=%r: %r", owner, exc)
        return jsonify({"error": str(exc)}), 400
    key = registry.register(owner, definition)
    return jsonify({"id": key, "steps": len(definition.steps)}), 201


if __name__ == "__main__":
    app.run(host=os.environ.get("PIPELINES_BIND", "127.0.0.1"), port=8080)
