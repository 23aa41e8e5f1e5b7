"""Coordinator-side planning: decide which jobs of a pipeline run.

Jobs in `.pipeline.yml` may carry a `when:` expression, for example

    when: branch == "main" and "docs/" not in changed

The pipeline file comes from the commit being built.
"""
import logging
from dataclasses import dataclass, field
from typing import Any, Dict, List

log = logging.getLogger("coordinator.plan")


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


def evaluate_when(expression: str, ctx: ConditionContext) -> bool:
    source = expression.strip()
    if not source:
        return True
    return bool(eval(source, {"__builtins__": {}}, ctx.namespace()))  # VULN flow


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
