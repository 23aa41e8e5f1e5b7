"""Process weight-based dosing sheets submitted by partner hospitals' pharmacy teams.

Sheets land in the SFTP inbox as CSV with columns: drug, route, dose_formula, max_dose.
The tool renders a dose table per weight band for the EMS field guide.
"""
import csv
import logging
from pathlib import Path
from typing import Dict, List

import typer

app = typer.Typer(help="EMS dosing sheet tools")
log = logging.getLogger("dosing")

INBOX = Path("/srv/sftp/pharmacy/inbox")
WEIGHT_BANDS_KG = (3, 5, 10, 15, 20, 30, 40, 50, 70, 90)
HELPERS = {"min": min, "max": max, "round": round, "abs": abs}


def compute_dose(formula: str, weight_kg: float, age_years: float) -> float:
    scope = dict(HELPERS, weight=weight_kg, age=age_years)
    return float(eval(formula, {"__builtins__": {}}, scope))  # VULN flow


def dose_table(row: Dict[str, str]) -> List[Dict[str, float]]:
    formula = row["dose_formula"].strip()
    cap = float(row.get("max_dose") or "inf")
    table = []
    for kg in WEIGHT_BANDS_KG:
        age = max(kg - 8, 0) / 2.0
        table.append({"weight_kg": kg, "dose": round(min(compute_dose(formula, kg, age), cap), 2)})
    return table


def read_sheet(path: Path) -> List[Dict[str, str]]:
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


@app.command()
def render(inbox: Path = typer.Option(INBOX, help="directory of submitted sheets"),
           out: Path = typer.Option(Path("dose_tables.csv"))):
    """Render dose tables for every sheet in the inbox."""
    rows_out = []
    for sheet in sorted(inbox.glob("*.csv")):
        for row in read_sheet(sheet):
            try:
                for entry in dose_table(row):
                    rows_out.append({"drug": row["drug"], "route": row["route"], **entry})
            except (KeyError, ValueError, ZeroDivisionError) as exc:
                typer.echo(f"{sheet.name}: skipping row: {exc}", err=True)
    with out.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["drug", "route", "weight_kg", "dose"])
        writer.writeheader()
        writer.writerows(rows_out)
    typer.echo(f"wrote {len(rows_out)} rows to {out}")


@app.command()
def check(sheet: Path):
    """Dry-run one sheet and print the tables."""
    for row in read_sheet(sheet):
        typer.echo(f"{row['drug']} ({row['route']}): {dose_table(row)}")


if __name__ == "__main__":
    app()
