import csv
import os
import stat

from reports.export import export_report

ROWS = [(1, "Acme Corp", "120.00"), (2, "Globex", "87.50")]


def test_export_writes_header_and_rows(tmp_path):
    dest = tmp_path / "out.csv"
    export_report(ROWS, str(dest))
    with dest.open(newline="") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["id", "customer", "amount"]
    assert lines[1:] == [[str(c) for c in row] for row in ROWS]


def test_export_file_is_not_world_readable(tmp_path):
    dest = tmp_path / "out.csv"
    export_report(ROWS, str(dest))
    mode = stat.S_IMODE(os.stat(dest).st_mode)
    assert mode == 0o640
    assert not mode & stat.S_IROTH


def test_export_leaves_no_temp_files(tmp_path):
    export_report(ROWS, str(tmp_path / "out.csv"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
