"""The procedures page shows the level in the list and the detail; a procedure not done at the
commune says first where to go; the checklist is grouped like the handout."""

from PySide6.QtCore import QPoint, Qt

from supportdesk.core.catalog import checklist


def _open(window, qtbot, code):
    page = window.show_page("procedures")
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy)
    page.show_code(code)
    qtbot.waitUntil(lambda: (page.detail.procedure or {}).get("code") == code)
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy)
    return page


def test_list_has_a_level_column(window, qtbot):
    page = _open(window, qtbot, "1.000049")
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Cấp" in headers
    row = next(r for r in range(model.rowCount()) if model.code_at(r) == "1.000049")
    assert model.data(model.index(row, headers.index("Cấp"))) == "Tỉnh"


def test_provincial_detail_says_where_to_go_first(window, qtbot):
    detail = _open(window, qtbot, "1.000049").detail
    assert "Cấp tỉnh" in detail.subtitle.text()
    assert detail.where.isVisible()
    text = detail.where.text()
    assert "không giải quyết tại xã" in text and "Sở Nông nghiệp và Môi trường" in text
    assert "Nộp trực tuyến" in text
    top_of_papers = detail.checklist.mapTo(detail, QPoint(0, 0)).y()
    assert detail.where.geometry().bottom() < top_of_papers


def test_commune_detail_groups_papers_and_ticks_only_papers(window, qtbot):
    detail = _open(window, qtbot, "1.001193").detail
    assert not detail.where.isVisible() and "Cấp xã" in detail.subtitle.text()
    headings = detail.checklist.headings
    assert headings[:2] == [checklist.FORMS, checklist.COMMON]
    assert "Chỉ khi trẻ em bị bỏ rơi" in headings
    assert headings[-1] == checklist.OFFICIAL_NOTES  # the staff see them, never as tick boxes
    grouped = checklist.group_dossier(detail.procedure["dossier"])
    papers = sum(len(papers) for _t, papers, _n in checklist.sections(grouped))
    assert len(detail.checklist.boxes) == papers
