import csv
import shutil
import sys
import tempfile


def export_report(rows, destination):
    tmp_path = tempfile.mktemp(suffix=".csv", prefix="report-")  # VULN
    with open(tmp_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "customer", "amount"])
        writer.writerows(rows)
    shutil.move(tmp_path, destination)
    return destination


def load_rows(source):
    with open(source, newline="") as fh:
        return [(r["id"], r["customer"], r["amount"]) for r in csv.DictReader(fh)]


if __name__ == "__main__":
    print(export_report(load_rows("data/invoices.csv"), "reports/latest.csv"), file=sys.stderr)
