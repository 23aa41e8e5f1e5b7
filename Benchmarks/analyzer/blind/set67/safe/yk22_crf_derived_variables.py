"""Nightly derivation of computed CRF variables (BMI, eGFR, dose intensity ...).

Derivation formulas are written by study builders in the EDC form designer
and stored in the ``derivations`` table, e.g. ``weight_kg / (height_cm / 100) ** 2``.
"""
import ast
import json
import logging
import math
import operator
import sqlite3

import typer

app = typer.Typer(help=__doc__)
log = logging.getLogger("derive")

HELPERS = {"round": round, "min": min, "max": max, "abs": abs, "log": math.log, "sqrt": math.sqrt, "exp": math.exp}
BINARY_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


class Derivation:
    def __init__(self, name: str, target: str, formula: str):
        self.name = name
        self.target = target
        self.formula = formula


def load_derivations(conn: sqlite3.Connection, study: str):
    rows = conn.execute(
        "SELECT name, target_field, formula FROM derivations WHERE study_code = ? AND active = 1 ORDER BY seq",
        (study,),
    )
    return [Derivation(*r) for r in rows]


def _evaluate(node, env):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, env)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and isinstance(env.get(node.id), (int, float)):
        return env[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BINARY_OPS:
        return BINARY_OPS[type(node.op)](_evaluate(node.left, env), _evaluate(node.right, env))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        exponent = _evaluate(node.right, env)
        if abs(exponent) > 4:
            raise ValueError("exponent too large")
        return _evaluate(node.left, env) ** exponent
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_evaluate(node.operand, env)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in HELPERS and not node.keywords):
        return HELPERS[node.func.id](*[_evaluate(a, env) for a in node.args])
    raise ValueError(f"unsupported expression element: {ast.dump(node)[:60]}")


def apply_derivation(deriv: Derivation, record: dict):
    namespace = dict(record)
    tree = ast.parse(deriv.formula, mode="eval")
    return _evaluate(tree, namespace)


@app.command()
def run(db: str = typer.Option(..., help="EDC sqlite export"),
        study: str = typer.Option(..., help="study code"),
        dry_run: bool = typer.Option(False, "--dry-run")):
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(db)
    derivations = load_derivations(conn, study)
    forms = conn.execute("SELECT form_id, data_json FROM crf_forms WHERE study_code = ?", (study,)).fetchall()
    updated = 0
    for form_id, data_json in forms:
        record = json.loads(data_json)
        for deriv in derivations:
            try:
                record[deriv.target] = apply_derivation(deriv, record)
            except Exception as exc:
                log.warning("derivation %r failed on form %r: %r", deriv.name, form_id, exc)
        if not dry_run:
            conn.execute("UPDATE crf_forms SET data_json = ? WHERE form_id = ?", (json.dumps(record), form_id))
            updated += 1
    conn.commit()
    typer.echo(f"{len(derivations)} derivations applied to {updated} forms")


if __name__ == "__main__":
    app()
