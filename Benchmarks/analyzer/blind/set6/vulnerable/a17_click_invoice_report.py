import csv
import os
import tempfile

import click


def load_rows(path):
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


@click.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--out-dir", default="/srv/shared/reports", show_default=True)
@click.option("--currency", default="EUR")
def build_report(source, out_dir, currency):
    """Aggregate an invoice CSV into a per-customer summary."""
    rows = load_rows(source)
    totals = {}
    for row in rows:
        totals[row["customer"]] = totals.get(row["customer"], 0) + float(row["amount"])

    scratch = tempfile.mktemp(suffix=".csv", prefix="report-")  # VULN
    with open(scratch, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["customer", f"total_{currency.lower()}"])
        for customer, total in sorted(totals.items()):
            writer.writerow([customer, f"{total:.2f}"])

    final = os.path.join(out_dir, os.path.basename(source).replace(".csv", "-summary.csv"))
    os.replace(scratch, final)
    os.chmod(final, 0o777)  # VULN
    click.echo(f"wrote {len(totals)} customers to {final}")


if __name__ == "__main__":
    build_report()
