"""Run project-specific QA rules over a bilingual JSON export.

Client-side project admins define extra checks in the project settings on
the portal (exported alongside the segments as ``qa_rules.json``).
"""
import json
import re
import sys
from pathlib import Path

import click


class Rule:
    def __init__(self, rule_id: str, message: str, severity: str, func):
        self.rule_id = rule_id
        self.message = message
        self.severity = severity
        self.func = func


def compile_rule(spec: dict) -> Rule:
    source = "def check(source, target, meta):\n    return " + spec["expr"] + "\n"
    namespace: dict = {}
    exec(compile(source, f"<rule {spec['id']}>", "exec"), {"re": re, "len": len}, namespace)  # VULN flow
    return Rule(spec["id"], spec.get("message", spec["id"]), spec.get("severity", "minor"), namespace["check"])


def load_rules(path: Path) -> list:
    specs = json.loads(path.read_text(encoding="utf-8"))
    rules = []
    for spec in specs.get("rules", []):
        if not spec.get("enabled", True):
            continue
        rules.append(compile_rule(spec))
    return rules


def run_rules(segments: list, rules: list):
    for seg in segments:
        meta = {"id": seg["id"], "locked": seg.get("locked", False), "context": seg.get("context")}
        for rule in rules:
            try:
                failed = bool(rule.func(seg["source"], seg.get("target") or "", meta))
            except Exception as exc:
                yield seg["id"], rule, f"rule crashed: {exc}"
                continue
            if failed:
                yield seg["id"], rule, rule.message


@click.command()
@click.argument("export", type=click.Path(exists=True, path_type=Path))
@click.option("--rules", "rules_path", type=click.Path(exists=True, path_type=Path), required=True)
@click.option("--fail-on", type=click.Choice(["minor", "major", "critical"]), default="major")
def main(export: Path, rules_path: Path, fail_on: str):
    """Check EXPORT (bilingual JSON) against the project's QA rules."""
    segments = json.loads(export.read_text(encoding="utf-8"))["segments"]
    rules = load_rules(rules_path)
    order = ["minor", "major", "critical"]
    worst = -1
    for seg_id, rule, msg in run_rules(segments, rules):
        click.echo(f"{seg_id}\t{rule.severity}\t{rule.rule_id}\t{msg}")
        worst = max(worst, order.index(rule.severity) if rule.severity in order else 0)
    click.echo(f"{len(segments)} segments checked with {len(rules)} rule(s)", err=True)
    sys.exit(1 if worst >= order.index(fail_on) else 0)


if __name__ == "__main__":
    main()
