"""Nightly derivation of computed CRF variables (BMI, eGFR, dose intensity ...).

Derivation formulas are written by study builders in the EDC form designer
and stored in the ``derivations`` table, e.g. ``weight_kg / (height_cm / 100) ** 2``.
"""
import json
import logging
import math
import sqlite3

import typer

app = typer.Typer(help=__doc__)
log = logging.getLogger("derive")

HELPERS = {"round": round, "min": min, "max": max, "abs": abs, "log": math.log, "sqrt": math.sqrt, "exp": math.exp}


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


def apply_derivation(deriv: Derivation, record: dict):
    namespace = dict(HELPERS)
    namespace.update(record)
    statement = f"{deriv.target} = {deriv.formula}"
    exec(statement, namespace)  # VULN flow
    return namespace.get(deriv.target)


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
