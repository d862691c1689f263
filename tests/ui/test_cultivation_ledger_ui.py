"""The cultivation sheets' import in the GUI, driven like a clerk: File > 培育台账 holds the items; a sheet with a
bad row shows its report and cannot be imported; a good one is checked, then imported with the figures moving."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMenu, QWidget

from civicdesk.services.cultivation import volunteers
from civicdesk.services.cultivation.figures import cultivation_figures
from civicdesk.ui.cultivation.ledger_actions import add_menu, import_sheet
from tests.cultivation.test_cultivation_sheets import _day, _hours_sheet, _name
from tests.cultivation.volunteer_fixtures import _ids
from tests.helpers.db import digest

TIMEOUT = 20_000


def test_import_a_volunteer_hours_sheet_from_the_menu(qtbot: Any, make_ctx: Any, shawan_db_path: Path,
                                                      tmp_path: Path, clock: Any) -> None:
    ctx = make_ctx(shawan_db_path)
    db = ctx.db
    team, team2 = _ids(shawan_db_path, "volunteer_team")[:2]
    joined = _day(400).isoformat()
    volunteers.add_volunteer(db, team, name="王芳", phone="13812345678", joined_on=joined, by=None)
    volunteers.add_volunteer(db, team, name="李强", phone="13900001111", joined_on=joined, by=None)
    volunteers.add_volunteer(db, team2, name="赵敏", phone="13700002222", joined_on=joined, by=None)
    people = {"db": db, "team_name": _name({"db": db}, team)}
    window = QWidget()
    qtbot.addWidget(window)
    sub = add_menu(window, QMenu(window))
    assert [a.text() for a in sub.actions() if not a.isSeparator()][:3] == [
        "导入志愿服务时长…", "导出志愿服务时长…", "导出志愿服务时长模板…"]

    bad = _hours_sheet(people, tmp_path, [4, people["team_name"][0], "赵敏", None, _day(1), "关爱老人", None, 2])
    before = digest(shawan_db_path, without=("audit_entry",))
    dialog = import_sheet(None, ctx, "hours", str(bad))  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    assert dialog.summary.text().startswith("数据行 4：新增 3，已有记录 0，不合格 1")
    assert [dialog.problems.item(0, c).text() for c in range(3)] == ["6", "C", "姓名"]
    assert not dialog.import_button.isEnabled()
    assert digest(shawan_db_path, without=("audit_entry",)) == before

    hours = cultivation_figures(db)["volunteers"]["hours"]
    good = dialog.path.replace("hours.xlsx", "good.xlsx")
    Path(good).write_bytes(_hours_sheet(people, tmp_path).read_bytes())
    dialog = import_sheet(None, ctx, "hours", good)  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=TIMEOUT)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported, timeout=TIMEOUT)
    assert dialog.summary.text().startswith("已导入 3 条志愿服务时长")
    assert cultivation_figures(db)["volunteers"]["hours"] - hours == Decimal("6.75")
