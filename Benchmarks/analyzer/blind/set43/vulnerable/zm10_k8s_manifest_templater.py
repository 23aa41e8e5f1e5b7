"""Render tenant-provided Kubernetes manifest templates before `kubectl apply`.

Tenants keep templates in their own repos; placeholders look like
``${{ replicas * 2 }}`` or ``${{ image.tag }}`` and are filled from the
environment's values file.
"""
import argparse
import json
import logging
import pathlib
import re
import sys
from types import SimpleNamespace

import yaml

log = logging.getLogger("templater")
PLACEHOLDER = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


def to_namespace(value):
    if isinstance(value, dict):
        return SimpleNamespace(**{k: to_namespace(v) for k, v in value.items()})
    if isinstance(value, list):
        return [to_namespace(v) for v in value]
    return value


class Renderer:
    def __init__(self, values: dict):
        self.context = {k: to_namespace(v) for k, v in values.items()}
        self.context.update({"json": json.dumps, "upper": str.upper})

    def evaluate(self, expression: str) -> str:
        result = eval(expression, {"__builtins__": {}}, self.context)  # VULN flow
        return str(result)

    def render(self, text: str) -> str:
        return PLACEHOLDER.sub(lambda m: self.evaluate(m.group(1)), text)


def render_tree(src: pathlib.Path, out: pathlib.Path, renderer: Renderer) -> int:
    count = 0
    for template in sorted(src.rglob("*.yaml")):
        rendered = renderer.render(template.read_text())
        list(yaml.safe_load_all(rendered))  # fail early on broken YAML
        target = out / template.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(rendered)
        count += 1
    return count


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("templates", type=pathlib.Path, help="checked-out tenant template dir")
    ap.add_argument("--values", type=pathlib.Path, required=True)
    ap.add_argument("--out", type=pathlib.Path, default=pathlib.Path("rendered"))
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    values = yaml.safe_load(args.values.read_text()) or {}
    n = render_tree(args.templates, args.out, Renderer(values))
    log.info("rendered %d manifests into %s", n, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
