"""Reading CSV the way Excel writes it: the delimiter is guessed, the quote is always "."""

import csv

from supportdesk.core.tabular import csv_rows


def _written(tmp_path, rows):
    path = tmp_path / "danh-ba.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_a_lone_apostrophe_in_a_cell_is_text_not_a_quote(tmp_path):
    # Found by hypothesis: the sniffer took ' for the quote character and merged two rows.
    rows = [["Họ tên", "Nguồn", "Ghi chú"], ["A", "'", "x"], ["B", "'", "y"]]
    assert [cells for _n, cells in csv_rows(_written(tmp_path, rows))] == rows


def test_a_doubled_quote_inside_a_quoted_cell(tmp_path):
    rows = [["Họ tên", "Ghi chú"], ["B", 'Gọi "anh Mẫu", máy lẻ 12']]
    assert [cells for _n, cells in csv_rows(_written(tmp_path, rows))] == rows
