"""Coordinator-side planning: decide which jobs of a pipeline run.

Jobs in `.pipeline.yml` may carry a `when:` expression, for example

    when: branch == "main" and "docs/" not in changed

The pipeline file comes from the commit being built.
"""
import ast
import logging
from dataclasses import dataclass, field
from typing import Any, Dict, List

log = logging.getLogger("coordinator.plan")

_COMPARATORS = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}


@dataclass
class ConditionContext:
    branch: str
    event: str
    tag: str = ""
    changed_files: List[str] = field(default_factory=list)
    variables: Dict[str, str] = field(default_factory=dict)

    def namespace(self) -> Dict[str, Any]:
        return {
            "branch": self.branch,
            "event": self.event,
            "tag": self.tag,
            "changed": "\n".join(self.changed_files),
            "vars": dict(self.variables),
            "true": True,
            "false": False,
        }


def _eval_node(node: ast.AST, names: Dict[str, Any]) -> Any:
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, names)
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, bool)):
        return node.value
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "vars":
        key = _eval_node(node.slice, names)
        return names["vars"].get(str(key), "")
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, names) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _eval_node(node.operand, names)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARATORS:
        left = _eval_node(node.left, names)
        right = _eval_node(node.comparators[0], names)
        return _COMPARATORS[type(node.ops[0])](left, right)
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def evaluate_when(expression: str, ctx: ConditionContext) -> bool:
    source = expression.strip()
    if not source:
        return True
    return bool(_eval_node(ast.parse(source, mode="eval"), ctx.namespace()))


@dataclass
class PlannedJob:
    name: str
    stage: str
    image: str
    script: List[str]


def plan_jobs(pipeline: Dict[str, Any], ctx: ConditionContext) -> List[PlannedJob]:
    planned: List[PlannedJob] = []
    for name, spec in (pipeline.get("jobs") or {}).items():
        condition = spec.get("when", "")
        try:
            if not evaluate_when(condition, ctx):
                log.info("skipping job %r: condition not met", name)
                continue
        except Exception as exc:  # malformed expressions fail the job, not the pipeline
            log.warning("job %r has an invalid when: expression (%s)", name, exc)
            continue
        planned.append(PlannedJob(name=name, stage=spec.get("stage", "test"),
                                  image=spec.get("image", "alpine:3.20"),
                                  script=list(spec.get("script", []))))
    return planned


if __name__ == "__main__":
    import yaml

    logging.basicConfig(level=logging.INFO)
    with open(".pipeline.yml", encoding="utf-8") as fh:
        pipeline = yaml.safe_load(fh)
    ctx = ConditionContext(branch="main", event="push", changed_files=["src/app.py"])
    for job in plan_jobs(pipeline, ctx):
        print(job.stage, job.name, job.image)
