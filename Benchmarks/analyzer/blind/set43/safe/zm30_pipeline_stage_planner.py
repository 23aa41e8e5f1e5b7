"""Decide which CI stages run for a checkout, based on its `.pipeline.yml`.

Runs on the orchestrator (which holds the deploy credentials) before any
runner is scheduled.  Each stage may carry a `when:` condition such as
``branch == "main" and "docs/" not in changed`` evaluated against the build
context.
"""
import ast
import json
import operator
import os
import subprocess
from pathlib import Path
from typing import List, Optional

import typer
import yaml

app = typer.Typer(help="CI stage planner")

_COMPARE = {ast.Eq: operator.eq, ast.NotEq: operator.ne,
            ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b}


def build_context(repo: Path, base_ref: str) -> dict:
    diff = subprocess.run(
        ["git", "-C", str(repo), "diff", "--name-only", f"{base_ref}...HEAD"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    return {
        "branch": os.environ.get("CI_BRANCH", "unknown"),
        "event": os.environ.get("CI_EVENT", "push"),
        "changed": diff,
        "tag": os.environ.get("CI_TAG"),
    }


def evaluate_condition(node: ast.AST, ctx: dict):
    if isinstance(node, ast.Expression):
        return evaluate_condition(node.body, ctx)
    if isinstance(node, ast.BoolOp):
        values = [evaluate_condition(v, ctx) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not evaluate_condition(node.operand, ctx)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE:
        left = evaluate_condition(node.left, ctx)
        right = evaluate_condition(node.comparators[0], ctx)
        return _COMPARE[type(node.ops[0])](left, right)
    if isinstance(node, ast.Name) and node.id in ctx:
        return ctx[node.id]
    if isinstance(node, ast.Constant):
        return node.value
    raise ValueError(f"unsupported expression in when: {ast.dump(node)}")


class Stage:
    def __init__(self, name: str, spec: dict):
        self.name = name
        self.when = spec.get("when", "True")
        self.needs = spec.get("needs", [])
        self.runner = spec.get("runner", "default")

    def enabled(self, ctx: dict) -> bool:
        condition = ast.parse(str(self.when), mode="eval")
        return bool(evaluate_condition(condition, dict(ctx)))


def load_stages(repo: Path) -> List[Stage]:
    doc = yaml.safe_load((repo / ".pipeline.yml").read_text()) or {}
    return [Stage(name, spec or {}) for name, spec in doc.get("stages", {}).items()]


@app.command()
def plan(
    repo: Path = typer.Argument(Path("."), help="path to the checked-out repository"),
    base_ref: str = typer.Option("origin/main", help="ref to diff against"),
    output: Optional[Path] = typer.Option(None, help="write the plan as JSON here"),
):
    ctx = build_context(repo, base_ref)
    selected = []
    for stage in load_stages(repo):
        if stage.enabled(ctx):
            selected.append({"stage": stage.name, "runner": stage.runner, "needs": stage.needs})
            typer.echo(f"+ {stage.name} ({stage.runner})")
        else:
            typer.echo(f"- {stage.name} skipped")
    if output:
        output.write_text(json.dumps({"context": ctx, "stages": selected}, indent=2))


if __name__ == "__main__":
    app()
