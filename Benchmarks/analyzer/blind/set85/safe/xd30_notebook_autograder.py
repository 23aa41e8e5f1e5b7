"""Score executed Jupyter notebook submissions.

The sandbox executes the learner's notebook and hands back the executed
``.ipynb``. Test cells are tagged ``autograde``; an optional cell tagged
``grader-config`` carries per-assignment settings such as point weights.
"""
import ast
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("grader.notebook")

DEFAULT_CONFIG = {"points_per_test": 1.0, "weights": {}, "partial_credit": False}


@dataclass
class TestOutcome:
    name: str
    passed: bool
    points: float
    message: str = ""


@dataclass
class NotebookScore:
    outcomes: list = field(default_factory=list)

    @property
    def earned(self) -> float:
        return sum(o.points for o in self.outcomes if o.passed)


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _literal_assignments(source: str) -> dict:
    namespace: dict = {}
    for node in ast.parse(source).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)):
            namespace[node.targets[0].id] = ast.literal_eval(node.value)
    return namespace


def load_grader_config(nb: dict) -> dict:
    config = dict(DEFAULT_CONFIG)
    for cell in nb.get("cells", []):
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") == "code" and "grader-config" in tags:
            namespace = _literal_assignments(_source(cell))
            config.update({k: v for k, v in namespace.items() if k in DEFAULT_CONFIG})
    return config


def score_notebook(path: Path) -> NotebookScore:
    nb = json.loads(path.read_text(encoding="utf-8"))
    config = load_grader_config(nb)
    result = NotebookScore()
    for idx, cell in enumerate(nb.get("cells", [])):
        meta = cell.get("metadata", {})
        if "autograde" not in meta.get("tags", []):
            continue
        name = meta.get("test_name", f"cell-{idx}")
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        points = float(config["weights"].get(name, config["points_per_test"]))
        if errors:
            msg = f"{errors[0].get('ename')}: {errors[0].get('evalue', '')}"
            result.outcomes.append(TestOutcome(name, False, points, msg[:500]))
        else:
            result.outcomes.append(TestOutcome(name, True, points))
    log.info("scored %s: %.1f points", path.name, result.earned)
    return result
