"""The English organization form is not cut by a size saved while the form was in Chinese (issue 13): a
remembered width narrower than the whole form grows to the form's width (as far as the screen allows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from civicdesk.services.core.database import open_database
from civicdesk.ui.context import AppContext
from civicdesk.ui.register.org_form import GEOMETRY_KEY, OrgFormDialog
from civicdesk.ui.runner import Runner


def test_a_narrow_remembered_size_grows_to_the_form(qtbot: Any, db_path: Path, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(open_database(db_path), settings, Runner(), "en")
    try:
        narrow = OrgFormDialog(ctx)
        qtbot.addWidget(narrow)
        narrow.resize(420, 500)
        settings.setValue(GEOMETRY_KEY, narrow.saveGeometry())
        settings.setValue(GEOMETRY_KEY + "_lang", "zh")  # saved while the program ran in Chinese
        form = OrgFormDialog(ctx)
        qtbot.addWidget(form)
        want = form._default_size().width()
        assert want > 420
        assert form.width() >= want
        assert form.height() == 500  # the height the clerk chose is kept
    finally:
        ctx.runner.wait()
        ctx.db.close()
