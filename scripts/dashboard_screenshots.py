"""Screenshots of the dashboard (概览) of the demo city, in Chinese and in English: docs/dashboard.png and
docs/dashboard-en.png.

    xvfb-run -s "-screen 0 2200x1000x24" .venv/bin/python scripts/dashboard_screenshots.py [DATABASE]

It copies DATABASE (default: a fresh city database with the demo loaded, made in a temporary folder), opens the
main window on its dashboard tab, waits until every tile and chart is painted and takes the screen with
ImageMagick's ``import -window root``, as a user would see it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    from civicdesk.services.admin.demo import load_demo
    from civicdesk.services.admin.office import init_office
    from civicdesk.services.core.database import open_database
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.main import install_translators
    from civicdesk.ui.main_window import MainWindow
    from civicdesk.ui.runner import Runner

    folder = Path(tempfile.mkdtemp(prefix="dashboard_shots_"))
    app = QApplication(sys.argv[:1])
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    for lang, name in (("zh", "dashboard.png"), ("en", "dashboard-en.png")):
        path = folder / f"city_{lang}.sqlite3"
        if source is not None:
            shutil.copyfile(source, path)
            db = open_database(path)
        else:
            db = open_database(path)
            init_office(db, code="511100", name="乐山市民政局", level="city")
            load_demo(db)
            source = path.with_name("city.sqlite3")
            db.close()
            shutil.copyfile(path, source)
            db = open_database(path)
        translators = install_translators(app, lang)  # type: ignore[arg-type]
        settings = QSettings(str(folder / f"settings_{lang}.ini"), QSettings.Format.IniFormat)
        settings.setValue("dashboard/tab", 1)
        ctx = AppContext(db, settings, Runner(), lang)
        window = MainWindow(ctx)
        window.show()
        app.processEvents()
        # the register's filter bar asks for 1,700 px (more in English): the window as wide as it must be
        width = max(1720, window.minimumSizeHint().width())
        window.setGeometry(0, 0, width, 960)
        end = time.monotonic() + 60
        while (window.dashboard is None or not window.dashboard.complete()) and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        settle = time.monotonic() + 1.0
        while time.monotonic() < settle:
            app.processEvents()
            time.sleep(0.01)
        frame = window.frameGeometry()
        subprocess.run(["import", "-window", "root", "-crop", f"{frame.width()}x{frame.height()}+0+0",
                        str(ROOT / "docs" / name)], check=True)
        print(f"wrote docs/{name}")
        window.close()
        ctx.runner.wait()
        db.close()
        for t in translators:
            app.removeTranslator(t)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
