import csv
import tempfile


def export_rows(rows, header):
    path = tempfile.mktemp(suffix=".csv", prefix="export_")  # VULN
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path
