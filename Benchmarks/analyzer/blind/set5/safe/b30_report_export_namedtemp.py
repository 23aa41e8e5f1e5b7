import csv
import os
import sys
import tempfile


def export_report(rows, destination):
    directory = os.path.dirname(os.path.abspath(destination))
    with tempfile.NamedTemporaryFile(
        "w", newline="", dir=directory, prefix=".report-", suffix=".csv", delete=False
    ) as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "customer", "amount"])
        writer.writerows(rows)
        tmp_path = fh.name
    os.chmod(tmp_path, 0o640)
    os.replace(tmp_path, destination)
    return destination


def load_rows(source):
    with open(source, newline="") as fh:
        return [(r["id"], r["customer"], r["amount"]) for r in csv.DictReader(fh)]


if __name__ == "__main__":
    print(export_report(load_rows("data/invoices.csv"), "reports/latest.csv"), file=sys.stderr)
