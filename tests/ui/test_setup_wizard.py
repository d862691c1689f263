"""The first-start wizard driven like a clerk would: click an office, tick the demo box, go on, wait."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard

from civicdesk.services.core.database import Database, open_database
from civicdesk.services.register.statistics import statistics
from civicdesk.ui.runner import Runner
from civicdesk.services.admin import auth
from civicdesk.ui.admin.setup_wizard import (OTHER, PAGE_ADMIN, PAGE_DEMO, PAGE_FINISH, PAGE_OFFICE, PAGE_STAFF,
                                       SetupWizard)

DEMO_TIMEOUT_MS = 60_000


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASH_PARAMETERS", dict(auth.TEST_HASH_PARAMETERS))


@pytest.fixture
def runner(qtbot) -> Iterator[Runner]:
    runner = Runner()
    yield runner
    runner.wait()


@pytest.fixture
def wizard(qtbot, fresh_db: Database, runner: Runner) -> SetupWizard:
    wizard = SetupWizard(fresh_db, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(qtbot, widget, pos: QPoint | None = None) -> None:
    if pos is None:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def type_chinese(edit: QLineEdit, text: str) -> None:
    """Type as a Chinese input method does: it commits whole words (QTest's key clicks are ASCII only)."""
    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def click_office(qtbot, wizard: SetupWizard, code: str) -> None:
    offices = wizard.office_page.offices
    item = next(offices.item(r) for r in range(offices.count())
                if offices.item(r).data(Qt.ItemDataRole.UserRole) == code)
    offices.scrollToItem(item)
    click(qtbot, offices.viewport(), offices.visualItemRect(item).center())
    assert wizard.office_page.selected() == code


def tick(qtbot, box) -> None:
    """Click the check box's indicator (its centre may lie past the end of its label, where clicks miss)."""
    click(qtbot, box, QPoint(8, box.height() // 2))


def tick_box(qtbot, box) -> None:
    """Click the check box in a group box's title."""
    from PySide6.QtWidgets import QStyle, QStyleOptionGroupBox

    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    rect = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, option,
                                      QStyle.SubControl.SC_GroupBoxCheckBox, box)
    click(qtbot, box, rect.center())


def button(wizard: SetupWizard, which: QWizard.WizardButton):
    return wizard.button(which)


def next_page(qtbot, wizard: SetupWizard) -> None:
    click(qtbot, button(wizard, QWizard.WizardButton.NextButton))


def admin_page(qtbot, wizard: SetupWizard) -> None:
    """From the demo page to the administrator page, fill it in (the first admin, issue 4), and go on to the
    optional reviewer and clerk page (issue 13), left as it is."""
    next_page(qtbot, wizard)
    assert wizard.currentId() == PAGE_ADMIN
    page = wizard.admin_page
    if page.username.isEnabled():
        qtbot.keyClicks(page.pair.first, "Secret123")
        qtbot.keyClicks(page.pair.second, "Secret123")
    next_page(qtbot, wizard)
    assert wizard.currentId() == PAGE_STAFF
    assert button(wizard, QWizard.WizardButton.CommitButton).isEnabled() or \
        button(wizard, QWizard.WizardButton.NextButton).isEnabled()


def wait_finished(qtbot, wizard: SetupWizard) -> None:
    qtbot.waitUntil(lambda: not wizard.finish_page.running, timeout=DEMO_TIMEOUT_MS)


def organizations(db: Database) -> int:
    figures = statistics(db)
    return figures["registered_social_organizations"] + figures["community_social_organizations"]["total"]


def test_shawan_with_demo_data(qtbot, wizard: SetupWizard, fresh_db: Database) -> None:
    assert wizard.currentId() == PAGE_OFFICE
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()  # nothing chosen yet

    click_office(qtbot, wizard, "511111")
    assert wizard.office_page.code_edit.text() == "511111"
    assert wizard.office_page.name_edit.text() == "乐山市沙湾区民政局"
    assert wizard.office_page.level_combo.currentData() == "district"
    assert not wizard.office_page.level_combo.isEnabled()
    next_page(qtbot, wizard)

    assert wizard.currentId() == PAGE_DEMO
    assert not wizard.demo_page.demo_box.isChecked()  # opt-in
    tick(qtbot, wizard.demo_page.demo_box)
    assert wizard.demo_page.demo_box.isChecked()
    admin_page(qtbot, wizard)

    with qtbot.waitSignal(wizard.office_created, timeout=DEMO_TIMEOUT_MS) as created, \
            qtbot.waitSignal(wizard.demo_loaded, timeout=DEMO_TIMEOUT_MS) as loaded:
        next_page(qtbot, wizard)
        assert wizard.currentId() == PAGE_FINISH
        # while it runs: no finishing, no going back, no cancelling
        assert wizard.finish_page.running
        assert not button(wizard, QWizard.WizardButton.FinishButton).isEnabled()
        assert not button(wizard, QWizard.WizardButton.BackButton).isEnabled()
        assert not button(wizard, QWizard.WizardButton.CancelButton).isEnabled()
    wait_finished(qtbot, wizard)

    assert created.args[0].code == "511111"
    result = loaded.args[0]
    assert result.organizations > 0
    assert button(wizard, QWizard.WizardButton.FinishButton).isEnabled()
    assert not button(wizard, QWizard.WizardButton.BackButton).isEnabled()  # the office cannot be undone
    assert f"已载入 {result.organizations:,} 个组织" in wizard.finish_page.result.text()
    assert "登记簿默认只显示存续的组织" in wizard.finish_page.result.text()  # why the table's count is lower
    assert wizard.finish_page.progress.value() == wizard.finish_page.progress.maximum()

    assert fresh_db.office().code == "511111"
    assert organizations(fresh_db) > 0
    assert wizard.admin is not None and wizard.admin.username == "admin"
    assert [(u.username, u.role) for u in auth.list_users(fresh_db)] == [("admin", "admin")]

    click(qtbot, button(wizard, QWizard.WizardButton.FinishButton))
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_other_office_with_bad_code_is_refused_in_words(qtbot, wizard: SetupWizard, fresh_db: Database) -> None:
    page = wizard.office_page
    click_office(qtbot, wizard, OTHER)
    assert page.level_combo.isEnabled()
    qtbot.keyClicks(page.code_edit, "5111")
    type_chinese(page.name_edit, "某某民政局")

    assert page.code_message.isVisible()
    assert "6位数字" in page.code_message.text()
    assert "4 位" in page.code_message.text()
    assert not button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()  # even when asked directly, the page does not let the clerk on
    assert wizard.currentId() == PAGE_OFFICE

    page.name_edit.clear()
    qtbot.keyClicks(page.name_edit, "x")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Backspace)
    assert page.name_message.text() == "请填写单位名称。"

    qtbot.keyClicks(page.code_edit, "ab12")  # letters never get in; two more digits complete the code
    assert page.code_edit.text() == "511112"
    type_chinese(page.name_edit, "某某民政局")
    assert page.code_message.text() == ""
    assert page.name_message.text() == ""
    assert button(wizard, QWizard.WizardButton.NextButton).isEnabled()
    assert fresh_db.office_or_none() is None


def test_other_office_outside_leshan_cannot_load_demo(qtbot, wizard: SetupWizard, fresh_db: Database) -> None:
    page = wizard.office_page
    click_office(qtbot, wizard, OTHER)
    qtbot.keyClicks(page.code_edit, "510104")
    type_chinese(page.name_edit, "成都市锦江区民政局")
    next_page(qtbot, wizard)
    assert wizard.currentId() == PAGE_DEMO
    assert not wizard.demo_page.demo_box.isEnabled()
    assert "不在乐山市演示数据的范围内" in wizard.demo_page.scope_message.text()
    admin_page(qtbot, wizard)
    with qtbot.waitSignal(wizard.office_created, timeout=DEMO_TIMEOUT_MS):
        next_page(qtbot, wizard)
    wait_finished(qtbot, wizard)
    assert fresh_db.office().code == "510104"
    assert fresh_db.office().name == "成都市锦江区民政局"


def test_without_demo_the_register_stays_empty(qtbot, wizard: SetupWizard, fresh_db: Database) -> None:
    click_office(qtbot, wizard, "511100")
    assert wizard.office_page.level_combo.currentData() == "city"
    next_page(qtbot, wizard)
    admin_page(qtbot, wizard)
    with qtbot.assertNotEmitted(wizard.demo_loaded), \
            qtbot.waitSignal(wizard.office_created, timeout=DEMO_TIMEOUT_MS):
        next_page(qtbot, wizard)
    wait_finished(qtbot, wizard)

    assert button(wizard, QWizard.WizardButton.FinishButton).isEnabled()
    assert "已设定本单位：511100 乐山市民政局" in wizard.finish_page.result.text()
    assert fresh_db.office().code == "511100"
    assert fresh_db.office().level == "city"
    assert organizations(fresh_db) == 0


def test_failure_is_shown_and_the_clerk_can_go_back(qtbot, wizard: SetupWizard, fresh_db: Database,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from civicdesk.errors import CivicDeskError
    from civicdesk.ui.admin import setup_wizard

    def refuse(db: Database, *, job, by) -> None:
        raise CivicDeskError("demo.already_loaded", count=7)

    monkeypatch.setattr(setup_wizard, "load_demo_share", refuse)
    click_office(qtbot, wizard, "511111")
    next_page(qtbot, wizard)
    tick(qtbot, wizard.demo_page.demo_box)
    admin_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wait_finished(qtbot, wizard)

    assert wizard.finish_page.error.text() == "出错：演示数据已载入（本库已有 7 个演示组织），未重复载入。"
    assert "已设定本单位：511111" in wizard.finish_page.result.text()
    assert not button(wizard, QWizard.WizardButton.FinishButton).isEnabled()
    back = button(wizard, QWizard.WizardButton.BackButton)
    assert back.isEnabled()
    assert fresh_db.office().code == "511111"  # the office was set up before the demo step failed

    click(qtbot, back)
    assert wizard.currentId() == PAGE_STAFF
    click(qtbot, button(wizard, QWizard.WizardButton.BackButton))
    assert wizard.currentId() == PAGE_ADMIN
    assert not wizard.admin_page.username.isEnabled()  # the administrator was made before the demo step
    click(qtbot, button(wizard, QWizard.WizardButton.BackButton))
    assert wizard.currentId() == PAGE_DEMO
    tick(qtbot, wizard.demo_page.demo_box)  # untick: go on without demo data
    admin_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wait_finished(qtbot, wizard)
    assert len(auth.list_users(fresh_db)) == 1
    assert button(wizard, QWizard.WizardButton.FinishButton).isEnabled()
    assert organizations(fresh_db) == 0
    assert not wizard.office_page.offices.isEnabled()  # the office is set: the first page is locked


def test_closing_is_refused_while_it_runs(qtbot, wizard: SetupWizard) -> None:
    click_office(qtbot, wizard, "511111")
    next_page(qtbot, wizard)
    tick(qtbot, wizard.demo_page.demo_box)
    admin_page(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.finish_page.running
    wizard.reject()
    assert wizard.isVisible()
    wait_finished(qtbot, wizard)
    wizard.reject()  # once set up, closing the window is finishing
    assert wizard.result() == QWizard.DialogCode.Accepted


def test_the_first_admin_needs_a_strong_password_typed_twice(qtbot, wizard: SetupWizard, fresh_db: Database) -> None:
    click_office(qtbot, wizard, "511111")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentId() == PAGE_ADMIN
    page = wizard.admin_page
    commit = button(wizard, QWizard.WizardButton.NextButton)
    assert not commit.isEnabled()
    qtbot.keyClicks(page.pair.first, "short1")
    qtbot.keyClicks(page.pair.second, "short1")
    assert page.pair.message.text() == "密码太弱：至少8位，且须同时包含字母和数字。"
    assert not commit.isEnabled()
    page.pair.first.setText("Secret123")
    page.pair.second.setText("Secret124")
    assert page.pair.message.text() == "两次输入的密码不一致。"
    page.pair.second.setText("Secret123")
    assert page.pair.message.text() == "" and commit.isEnabled()
    page.username.setText("a b")
    assert "用户名“a b”无效" in page.username_message.text() and not commit.isEnabled()
    page.username.setText("zhang.san")
    next_page(qtbot, wizard)
    assert wizard.currentId() == PAGE_STAFF
    with qtbot.waitSignal(wizard.admin_created, timeout=DEMO_TIMEOUT_MS) as made:
        next_page(qtbot, wizard)
    wait_finished(qtbot, wizard)
    assert made.args[0].username == "zhang.san" and made.args[0].role == "admin"
    assert "已创建管理员账户：zhang.san。" in wizard.finish_page.result.text()
    assert auth.authenticate(fresh_db, "zhang.san", "Secret123").role == "admin"


def test_the_first_reviewer_and_clerk_are_offered(qtbot, wizard: SetupWizard, fresh_db: Database,
                                                 tmp_path: Path) -> None:
    """A lone administrator cannot decide its own filings (four eyes): the wizard offers the first reviewer and
    clerk, each with a password typed twice, and makes them with the administrator."""
    click_office(qtbot, wizard, "511111")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    admin = wizard.admin_page
    admin.pair.first.setText("Secret123")
    admin.pair.second.setText("Secret123")
    next_page(qtbot, wizard)
    assert wizard.currentId() == PAGE_STAFF
    page = wizard.staff_page
    commit = button(wizard, QWizard.WizardButton.CommitButton)
    assert "双人复核" in page.subTitle()
    assert commit.isEnabled()  # optional: nothing ticked, the set-up may go on
    tick_box(qtbot, page.reviewer)
    assert page.reviewer.isChecked() and not commit.isEnabled()  # ticked: its password is needed
    page.reviewer.username.setText("admin")
    assert page.reviewer.username_message.text() == "用户“admin”已存在。"
    page.reviewer.username.setText("li.si")
    qtbot.keyClicks(page.reviewer.pair.first, "Review123")
    qtbot.keyClicks(page.reviewer.pair.second, "Review124")
    assert page.reviewer.pair.message.text() == "两次输入的密码不一致。" and not commit.isEnabled()
    page.reviewer.pair.second.setText("Review123")
    assert commit.isEnabled()
    tick_box(qtbot, page.clerk)
    page.clerk.username.setText("wang.wu")
    page.clerk.pair.first.setText("Clerk1234")
    page.clerk.pair.second.setText("Clerk1234")
    assert commit.isEnabled()
    # the password fields line up with the user name in every box (one form, one label column)
    for box in page.boxes():
        x = box.username.mapTo(wizard, box.username.rect().topLeft()).x()
        assert box.pair.first.mapTo(wizard, box.pair.first.rect().topLeft()).x() == x
        assert box.pair.second.mapTo(wizard, box.pair.second.rect().topLeft()).x() == x
    wizard.grab().save(str(tmp_path / "setup_wizard_reviewers.png"))
    next_page(qtbot, wizard)
    wait_finished(qtbot, wizard)
    text = wizard.finish_page.result.text()
    assert "已创建审核人员账户：li.si。" in text and "已创建经办人员账户：wang.wu。" in text
    roles = {u.username: u.role for u in auth.list_users(fresh_db)}
    assert roles == {"admin": "admin", "li.si": "reviewer", "wang.wu": "clerk"}
    assert auth.authenticate(fresh_db, "li.si", "Review123").role == "reviewer"


def test_admin_password_fields_line_up(qtbot, wizard: SetupWizard) -> None:
    click_office(qtbot, wizard, "511111")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.admin_page
    x = page.username.mapTo(wizard, page.username.rect().topLeft()).x()
    assert page.pair.first.mapTo(wizard, page.pair.first.rect().topLeft()).x() == x
    assert page.full_name.mapTo(wizard, page.full_name.rect().topLeft()).x() == x


def test_password_words_in_english(qtbot, fresh_db: Database, runner: Runner) -> None:
    """English mode: what is wrong with a password or a user name is said in English."""
    wizard = SetupWizard(fresh_db, runner, lang="en")
    qtbot.addWidget(wizard)
    page = wizard.admin_page
    page.pair.first.setText("Secret123")
    page.pair.second.setText("Secret124")
    assert page.pair.message.text() == "The two passwords differ."
    page.username.setText("a b")
    assert page.username_message.text().startswith("User name 'a b' is invalid")
    page.username.setText("admin")
    box = wizard.staff_page.reviewer
    box.setChecked(True)
    box.username.setText("admin")
    wizard.staff_page._changed()
    assert box.username_message.text() == "User 'admin' already exists."
