"""The first-start wizard: choose this installation's office, optionally load the demo register, set it up.

:class:`SetupWizard` is shown when the database has no office yet.  Its three pages are 本单位 (one of the
乐山市 bureaus from the reference data, or another office entered by hand), 演示数据 (an opt-in checkbox),
管理员 (the first administrator account: user name, name, password twice), 审核和经办人员 (optional: the first
reviewer and clerk, so that the administrator's own first filing can be decided by someone else, four eyes) and
完成, which runs ``init_office``, creates the accounts and then runs ``load_demo`` on the runner with a progress
bar.  Finish is enabled
only once the office exists (and the demo data, if chosen, are in); a failure is shown in words and the clerk
can go back.  ``office_created``, ``admin_created`` and ``demo_loaded`` tell the caller what was done; ``admin`` is the
administrator, logged in (start-up does not ask for the password just typed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database, OfficeInfo
from civicdesk.services.admin.demo import DemoResult, load_demo
from civicdesk.services.register.lookups import reference_offices
from civicdesk.services.admin.office import init_office
from civicdesk.ui.admin.login_dialog import PasswordPair
from civicdesk.ui.runner import Job, Runner

PAGE_OFFICE, PAGE_DEMO, PAGE_FINISH, PAGE_ADMIN, PAGE_STAFF = range(5)  # order: office, demo, admin, staff, finish
OTHER = "other"  # item data of the "其他单位" entry; reference entries carry their office code
CODE_PATTERN = re.compile(r"\d{6}")
HINT_STYLE = ""
ERROR_STYLE = "color: #b00020;"


@dataclass(frozen=True)
class OfficeChoice:
    code: str
    name: str
    level: str
    demo: bool = False


# -- ops: what runs on the worker -----------------------------------------------------------------------
def create_office(db: Database, *, choice: OfficeChoice) -> OfficeInfo:
    """Set up the office; a database already set up for the same code (a retry after the demo failed) is kept."""
    existing = db.office_or_none()
    if existing is not None:
        if existing.code == choice.code:
            return existing
        raise CivicDeskError("db.already_initialized", code=existing.code, name=existing.name)
    return init_office(db, code=choice.code, name=choice.name, level=choice.level)


def load_demo_share(db: Database, *, job: Job, by: auth.UserInfo | None) -> DemoResult:
    return load_demo(db, job.progress, by=by)


def error_words(exc: BaseException, lang: str = "zh") -> str:
    if isinstance(exc, CivicDeskError):
        return exc.message(lang)
    return f"{type(exc).__name__}: {exc}"


def _message_label(*, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _show(label: QLabel, text: str, *, error: bool) -> None:
    label.setText(text)
    label.setStyleSheet(ERROR_STYLE if error else HINT_STYLE)


# -- page 1: 本单位 ------------------------------------------------------------------------------------------
class OfficePage(QWizardPage):
    """The office: a list of the reference bureaus plus 其他单位, with code, name and level beneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("本单位"))
        self.setSubTitle(self.tr("选择本程序服务的民政局。区划代码是本单位的身份，与其他单位交换数据时以它识别，设定后不能更改。"))
        self._offices = {code: (name, level) for code, name, level in reference_offices()}
        self._touched = False  # the clerk typed in a field, or tried to go on: show what is missing in red
        self._locked = False

        self.offices = QListWidget()
        self.offices.setObjectName("offices")
        # The choice is the selected item, not the current one: a list given focus makes its first row current
        # without selecting it, and the office must be chosen on purpose.
        self.offices.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        for code, (name, _level) in self._offices.items():
            item = QListWidgetItem(f"{code} {name}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.offices.addItem(item)
        other = QListWidgetItem(self.tr("其他单位（手工填写区划代码和名称）"))
        other.setData(Qt.ItemDataRole.UserRole, OTHER)
        self.offices.addItem(other)
        rows = self.offices.count()
        self.offices.setFixedHeight(self.offices.sizeHintForRow(0) * rows + 2 * self.offices.frameWidth() + 4)

        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code")
        self.code_edit.setMaxLength(6)
        self.code_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self.code_edit))
        self.code_edit.setPlaceholderText(self.tr("6位数字，如 511111"))
        self.code_message = _message_label(wrap=False)  # one short line: wrapping would leave a gap
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("如 乐山市某某区民政局"))
        self.name_message = _message_label(wrap=False)  # one short line: wrapping would leave a gap
        self.level_combo = QComboBox()
        self.level_combo.addItem(self.tr("区县级"), "district")
        self.level_combo.addItem(self.tr("市级"), "city")
        self.choice_message = _message_label()

        # each message has a row of its own under its field, shown only when it has something to say
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("区划代码："), self.code_edit)
        self.form.addRow("", self.code_message)
        self.form.addRow(self.tr("单位名称："), self.name_edit)
        self.form.addRow("", self.name_message)
        self.form.addRow(self.tr("级别："), self.level_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.offices)
        layout.addWidget(self.choice_message)
        layout.addSpacing(6)
        layout.addLayout(self.form)
        layout.addStretch(1)

        self.offices.itemSelectionChanged.connect(self._chosen)
        self.code_edit.textEdited.connect(self._edited)
        self.name_edit.textEdited.connect(self._edited)
        self._chosen()

    def selected(self) -> str | None:
        items = self.offices.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def choose(self, code: str) -> None:
        """Select the entry of office ``code`` (or :data:`OTHER`)."""
        for row in range(self.offices.count()):
            if self.offices.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.offices.setCurrentRow(row)
                return
        raise KeyError(code)

    def choice(self) -> OfficeChoice:
        level = self.level_combo.currentData()
        return OfficeChoice(self.code_edit.text().strip(), self.name_edit.text().strip(), level)

    def lock(self) -> None:
        """The office exists now: nothing here may change any more."""
        self._locked = True
        for widget in (self.offices, self.code_edit, self.name_edit, self.level_combo):
            widget.setEnabled(False)
        _show(self.choice_message, self.tr("本单位已设定，不能再更改。"), error=False)

    def _chosen(self) -> None:
        code = self.selected()
        other = code == OTHER
        if code is not None and not other:
            name, level = self._offices[code]
            self.code_edit.setText(code)
            self.name_edit.setText(name)
            self.level_combo.setCurrentIndex(self.level_combo.findData(level))
        elif other:
            self.code_edit.clear()
            self.name_edit.clear()
            self.level_combo.setCurrentIndex(self.level_combo.findData("district"))
            self._touched = False
        for edit in (self.code_edit, self.name_edit):
            edit.setReadOnly(not other)
        self.code_edit.setEnabled(code is not None)
        self.name_edit.setEnabled(code is not None)
        self.level_combo.setEnabled(other)
        if other:
            self.code_edit.setFocus()
        self._validate()

    def _edited(self, _text: str) -> None:
        self._touched = True
        self._validate()

    def _say(self, message: QLabel, problem: str) -> None:
        _show(message, problem, error=True)
        self.form.setRowVisible(message, bool(problem))

    def _problems(self) -> tuple[str | None, str | None]:
        code, name = self.code_edit.text().strip(), self.name_edit.text().strip()
        code_problem = None
        if not code:
            code_problem = self.tr("请填写6位区划代码。")
        elif not CODE_PATTERN.fullmatch(code):
            code_problem = (self.tr("区划代码只能由数字组成。") if not code.isdigit()
                            else self.tr("区划代码应为6位数字，现为 %n 位。", "", len(code)))
        name_problem = None if name else self.tr("请填写单位名称。")
        return code_problem, name_problem

    def _validate(self) -> None:
        """Words by the fields: a hint on what to do, and in red what is wrong once the clerk has typed."""
        if self._locked:
            return
        code = self.selected()
        if code is None:
            _show(self.choice_message, self.tr("请在列表中选择本单位；不在列表中的单位请选“其他单位”。"), error=False)
        elif code == OTHER:
            _show(self.choice_message, self.tr("请填写本单位的6位行政区划代码和单位全称，并选择级别。"), error=False)
        else:
            _show(self.choice_message, "", error=False)
        code_problem, name_problem = self._problems() if code == OTHER else (None, None)
        typed = bool(self.code_edit.text())
        self._say(self.code_message, code_problem if code_problem and (typed or self._touched) else "")
        self._say(self.name_message, name_problem if name_problem and self._touched else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        code = self.selected()
        if code is None:
            return False
        return code != OTHER or self._problems() == (None, None)

    def validatePage(self) -> bool:  # Qt override
        # QWizard.next() does not consult isComplete(): say what is wrong instead of moving on.
        self._touched = True
        self._validate()
        return self._locked or self.isComplete()


# -- page 2: 演示数据 ----------------------------------------------------------------------------------------
class DemoPage(QWizardPage):
    """Opt in to the demo register (this office's share of 乐山市's invented records)."""

    def __init__(self, office_page: OfficePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office_page = office_page
        self.setTitle(self.tr("演示数据"))
        self.setSubTitle(self.tr("用于培训和试用；正式建立登记簿时不要勾选。"))
        self.demo_box = QCheckBox(self.tr("载入乐山市演示数据（本单位份额）"))
        self.demo_box.setObjectName("demo")
        explanation = QLabel(self.tr(
            "演示数据是编造的登记记录：组织、人员、村（社区）和小区的名称都是虚构的，区县和乡镇是真实的。"
            "全市合计与乐山市民政局公布的2021年数字一致（截至2021年6月30日）：登记的社会组织1,831个，"
            "社区社会组织5,611个。市民政局载入全部记录，区县民政局只载入本单位登记或备案的那一部分。"
        ))
        explanation.setWordWrap(True)
        self.scope_message = _message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.demo_box)
        layout.addWidget(explanation)
        layout.addWidget(self.scope_message)
        layout.addStretch(1)

    def nextId(self) -> int:  # Qt override
        return PAGE_ADMIN

    def initializePage(self) -> None:  # Qt override
        in_scope = self.office_page.choice().code in {code for code, _name, _level in reference_offices()}
        self.demo_box.setEnabled(in_scope)
        if not in_scope:
            self.demo_box.setChecked(False)
            _show(self.scope_message, self.tr("本单位不在乐山市演示数据的范围内，不能载入演示数据。"), error=False)
        else:
            _show(self.scope_message, "", error=False)


# -- page 3: 管理员 ---------------------------------------------------------------------------------------------
class AdminPage(QWizardPage):
    """The first administrator: from now on every change to the register needs a login."""

    def __init__(self, parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.lang = lang
        self.setTitle(self.tr("管理员账户"))
        self.setSubTitle(self.tr("创建第一个管理员账户。管理员管理用户、查看审计记录；登记簿的每一项修改都须登录办理。"))
        self._locked = False
        self.username = QLineEdit("admin")
        self.username.setObjectName("admin_username")
        self.username.setMaxLength(32)
        self.full_name = QLineEdit()
        self.full_name.setObjectName("admin_full_name")
        self.full_name.setPlaceholderText(self.tr("如 张三"))
        self.username_message = _message_label()
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.username)
        form.addRow("", self.username_message)
        form.addRow(self.tr("姓名："), self.full_name)
        self.pair = PasswordPair(self, form=form, lang=lang)  # in the same form: the password fields line up with the rest
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        hint = QLabel(self.tr("请牢记密码：管理员密码遗失后只能由另一名管理员重置。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.username.textChanged.connect(self._changed)
        self.pair.changed.connect(self.completeChanged.emit)

    def _username_problem(self) -> str | None:
        try:
            auth._check_username(self.username.text())
        except CivicDeskError as exc:
            return exc.message(self.lang)
        return None

    def _changed(self) -> None:
        _show(self.username_message, self._username_problem() or "", error=True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        return self._locked or (self._username_problem() is None and self.pair.problem() is None)

    def validatePage(self) -> bool:  # Qt override
        if not self._locked:
            self.pair.show_problem()
            _show(self.username_message, self._username_problem() or "", error=True)
        return self.isComplete()

    def nextId(self) -> int:  # Qt override
        return PAGE_STAFF

    def account(self) -> tuple[str, str, str]:
        return self.username.text().strip(), self.full_name.text().strip(), self.pair.password()

    def lock(self) -> None:
        self._locked = True
        for widget in (self.username, self.full_name, self.pair):
            widget.setEnabled(False)


# -- page 4: 审核和经办人员 --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StaffAccount:
    username: str
    full_name: str
    password: str
    role: str


class StaffBox(QGroupBox):
    """One optional account (ticked to add it): user name, name and password twice, in one aligned form."""

    changed = Signal()

    def __init__(self, title: str, role: str, suggested: str, parent: QWidget | None = None, *,
                 lang: str = "zh") -> None:
        super().__init__(title, parent)
        self.role = role
        self.setObjectName(f"staff_{role}")
        self.setCheckable(True)
        self.setChecked(False)
        self.username = QLineEdit(suggested)
        self.username.setObjectName(f"{role}_username")
        self.username.setMaxLength(32)
        self.full_name = QLineEdit()
        self.full_name.setObjectName(f"{role}_full_name")
        self.username_message = _message_label()
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("用户名："), self.username)
        self.form.addRow("", self.username_message)
        self.form.addRow(self.tr("姓名："), self.full_name)
        self.pair = PasswordPair(self, form=self.form, lang=lang)
        self.username.textChanged.connect(lambda _text: self.changed.emit())
        self.pair.changed.connect(self.changed.emit)
        self.toggled.connect(lambda _on: self.changed.emit())

    def account(self) -> StaffAccount | None:
        if not self.isChecked():
            return None
        return StaffAccount(self.username.text().strip(), self.full_name.text().strip(), self.pair.password(),
                            self.role)


class StaffPage(QWizardPage):
    """The first reviewer and clerk (optional): the administrator alone cannot decide its own filings."""

    def __init__(self, admin_page: AdminPage, parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.admin_page = admin_page
        self.lang = lang
        self.setTitle(self.tr("审核和经办人员"))
        self.setSubTitle(self.tr("申请事项须由起草人、提交人以外的人审查（双人复核）。"))
        self._locked = False
        advice = QLabel(self.tr("只有一名管理员时，管理员起草或提交的申请无人能准予。") + "\n" +
                        self.tr("建议现在添加一名审核人员（审查、准予或不予申请事项）和一名经办人员（起草、提交申请事项）。"
                                "也可以跳过，以后在“系统 → 用户管理…”中添加。"))
        advice.setWordWrap(True)
        self.reviewer = StaffBox(self.tr("添加审核人员"), "reviewer", "reviewer", lang=lang)
        self.clerk = StaffBox(self.tr("添加经办人员"), "clerk", "clerk", lang=lang)
        layout = QVBoxLayout(self)
        layout.addWidget(advice)
        layout.addWidget(self.reviewer)
        layout.addWidget(self.clerk)
        layout.addStretch(1)
        for box in (self.reviewer, self.clerk):
            box.changed.connect(self._changed)

    def boxes(self) -> tuple[StaffBox, StaffBox]:
        return self.reviewer, self.clerk

    def _username_problem(self, box: StaffBox) -> str | None:
        if not box.isChecked():
            return None
        name = box.username.text().strip()
        try:
            auth._check_username(name)
        except CivicDeskError as exc:
            return exc.message(self.lang)
        taken = {self.admin_page.username.text().strip()}
        taken |= {b.username.text().strip() for b in self.boxes() if b is not box and b.isChecked()}
        if name in taken:
            return CivicDeskError("auth.exists", user=name).message(self.lang)
        return None

    def _changed(self) -> None:
        for box in self.boxes():
            _show(box.username_message, self._username_problem(box) or "", error=True)
            box.form.setRowVisible(box.username_message, bool(box.username_message.text()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        return self._locked or all(self._username_problem(b) is None and (not b.isChecked() or b.pair.problem() is None)
                                   for b in self.boxes())

    def validatePage(self) -> bool:  # Qt override
        if not self._locked:
            for box in self.boxes():
                if box.isChecked():
                    box.pair.show_problem()
            self._changed()
        return self.isComplete()

    def initializePage(self) -> None:  # Qt override
        self._changed()

    def nextId(self) -> int:  # Qt override
        return PAGE_FINISH

    def accounts(self) -> list[StaffAccount]:
        return [a for a in (b.account() for b in self.boxes()) if a is not None]

    def lock(self) -> None:
        self._locked = True
        for box in self.boxes():
            box.setEnabled(False)


# -- page 5: 完成 --------------------------------------------------------------------------------------------
class FinishPage(QWizardPage):
    """Runs the set-up on the worker and shows how it went; complete only when everything chosen is done."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("完成"))
        self.setSubTitle(self.tr("正在建立本单位的登记簿，请稍候。"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status = _message_label()
        self.status.setObjectName("status")
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.result = _message_label()
        self.result.setObjectName("result")
        self.error = _message_label()
        self.error.setObjectName("error")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.running = False
        self.succeeded = False
        self._lines: list[str] = []

    def initializePage(self) -> None:  # Qt override
        choice = self._wizard.choice()
        level = self.tr("市级") if choice.level == "city" else self.tr("区县级")
        demo = self.tr("载入本单位份额") if choice.demo else self.tr("不载入")
        self.summary.setText(self.tr("本单位：%1 %2（%3）\n演示数据：%4")
                             .replace("%1", choice.code).replace("%2", choice.name)
                             .replace("%3", level).replace("%4", demo))
        self._lines = []
        self.result.clear()
        self.error.clear()
        self.succeeded = False
        self._run(choice)

    def isComplete(self) -> bool:  # Qt override
        return self.succeeded

    def nextId(self) -> int:  # Qt override
        return -1

    def _run(self, choice: OfficeChoice) -> None:
        self._set_running(True)
        if self._wizard.office is not None:
            self._after_office(self._wizard.office, choice)
            return
        self._step(self.tr("正在设定本单位并载入参考数据…"))
        db = self._wizard.db
        self._wizard.runner.run(
            lambda job: create_office(db, choice=choice),
            on_success=lambda office: self._after_office(office, choice),
            on_failure=self._failed,
        )

    def _after_office(self, office: OfficeInfo, choice: OfficeChoice) -> None:
        self._wizard.office_was_created(office)
        self._lines.append(self.tr("已设定本单位：%1 %2。").replace("%1", office.code).replace("%2", office.name))
        if self._wizard.admin is None:
            self._step(self.tr("正在创建管理员账户…"))
            username, full_name, password = self._wizard.admin_page.account()
            db = self._wizard.db

            def make(_job: Job) -> auth.UserInfo:
                auth.create_user(db, username, password, "admin", full_name=full_name)
                return auth.authenticate(db, username, password)  # the first login, in the audit trail

            self._wizard.runner.run(make, on_success=lambda user: self._after_admin(user, choice),
                                    on_failure=self._failed)
            return
        self._after_admin(self._wizard.admin, choice)

    def _after_admin(self, user: auth.UserInfo, choice: OfficeChoice) -> None:
        if self._wizard.admin is None:
            self._wizard.admin_was_created(user)
            self._lines.append(self.tr("已创建管理员账户：%1。").replace("%1", user.username))
        staff = [a for a in self._wizard.staff_page.accounts() if a.username not in self._wizard.staff]
        if staff:
            self._step(self.tr("正在创建审核和经办人员账户…"))
            db = self._wizard.db

            made: list[auth.UserInfo] = []  # those made before a refusal are not made again on a retry

            def make(_job: Job) -> list[auth.UserInfo]:
                for a in staff:
                    made.append(auth.create_user(db, a.username, a.password, a.role, full_name=a.full_name, by=user))
                return made

            def failed(exc: BaseException) -> None:
                self._wizard.staff.extend(u.username for u in made)
                self._failed(exc)

            self._wizard.runner.run(make, on_success=lambda made: self._after_staff(made, choice),
                                    on_failure=failed)
            return
        self._after_staff([], choice)

    def _after_staff(self, made: list[auth.UserInfo], choice: OfficeChoice) -> None:
        for account in made:
            self._wizard.staff.append(account.username)
            words = self.tr("已创建审核人员账户：%1。") if account.role == "reviewer" else self.tr("已创建经办人员账户：%1。")
            self._lines.append(words.replace("%1", account.username))
        if self._wizard.staff_page.accounts():
            self._wizard.staff_page.lock()
        if not choice.demo:
            self._done()
            return
        self._step(self.tr("正在生成并载入演示数据…"))
        db, admin = self._wizard.db, self._wizard.admin
        self._wizard.runner.run(
            lambda job: load_demo_share(db, job=job, by=admin),
            on_success=self._demo_loaded,
            on_failure=self._failed,
            on_progress=self._progressed,
        )

    def _demo_loaded(self, result: DemoResult) -> None:
        if result.already_loaded:
            self._lines.append(self.tr("演示数据此前已载入，未重复载入。"))
        else:
            self._lines.append(
                self.tr("已载入 %1 个组织、%2 名人员、%3 个村（社区）。")
                .replace("%1", f"{result.organizations:,}").replace("%2", f"{result.people:,}")
                .replace("%3", f"{result.communities:,}")
            )
            # the register shows the existing ones by default: its count is lower, and should not puzzle
            self._lines.append(self.tr("登记簿默认只显示存续的组织，已注销或撤销的不计入其“共 N 个组织”，"
                                       "可在“筛选”中选择状态查看。"))
        self._wizard.demo_loaded.emit(result)
        self._done()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _step(self, text: str) -> None:
        self.status.setText(text)
        self.progress.setRange(0, 0)  # busy until the op reports how far it is

    def _done(self) -> None:
        self.succeeded = True
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("设置完成。"))
        self.setSubTitle(self.tr("本单位的登记簿已建立。"))
        self._lines.append(self.tr("点击“完成”开始使用。"))
        _show(self.result, "\n".join(self._lines), error=False)
        self._set_running(False)

    def _failed(self, exc: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("设置未完成。"))
        self.setSubTitle(self.tr("出现问题，请返回检查后重试。"))
        _show(self.result, "\n".join(self._lines), error=False)  # what did get done (the office, perhaps)
        _show(self.error, self.tr("出错：%1").replace("%1", error_words(exc, self._wizard.lang)), error=True)
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self.running = running
        # QWizard enables Back unless the previous page is a commit page: mark it so while the work runs and
        # for good once the office is set up (it cannot be undone); a failure leaves the way back open.
        self._wizard.page(PAGE_STAFF).setCommitPage(running or self.succeeded)
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not running and not self.succeeded)
        self.completeChanged.emit()


class SetupWizard(QWizard):
    """The first-start set-up of an empty database: office, demo data, done."""

    office_created = Signal(object)  # OfficeInfo
    admin_created = Signal(object)  # UserInfo
    demo_loaded = Signal(object)  # DemoResult

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None, *, lang: str = "zh") -> None:
        super().__init__(parent)
        self.db, self.runner, self.lang = db, runner, lang
        self.office: OfficeInfo | None = None
        self.admin: auth.UserInfo | None = None
        self.staff: list[str] = []  # the reviewer and clerk accounts made (a retry does not make them again)
        self.setWindowTitle(self.tr("CivicDesk 初始设置"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        buttons: dict[QWizard.WizardButton, str] = {
            QWizard.WizardButton.BackButton: self.tr("< 上一步"),
            QWizard.WizardButton.NextButton: self.tr("下一步 >"),
            QWizard.WizardButton.CommitButton: self.tr("下一步 >"),
            QWizard.WizardButton.FinishButton: self.tr("完成"),
            QWizard.WizardButton.CancelButton: self.tr("取消"),
        }
        for which, text in buttons.items():
            self.setButtonText(which, text)
        self.office_page = OfficePage()
        self.demo_page = DemoPage(self.office_page)
        self.admin_page = AdminPage(lang=lang)
        self.staff_page = StaffPage(self.admin_page, lang=lang)
        self.finish_page = FinishPage(self)
        self.setPage(PAGE_OFFICE, self.office_page)
        self.setPage(PAGE_DEMO, self.demo_page)
        self.setPage(PAGE_FINISH, self.finish_page)
        self.setPage(PAGE_ADMIN, self.admin_page)
        self.setPage(PAGE_STAFF, self.staff_page)
        self.setMinimumSize(640, 600)

    def choice(self) -> OfficeChoice:
        office = self.office_page.choice()
        return OfficeChoice(office.code, office.name, office.level, demo=self.demo_page.demo_box.isChecked())

    def admin_was_created(self, user: auth.UserInfo) -> None:
        if self.admin is None:
            self.admin = user
            self.admin_page.lock()
            self.admin_created.emit(user)

    def office_was_created(self, office: OfficeInfo) -> None:
        if self.office is None:
            self.office = office
            self.office_page.lock()
            self.office_created.emit(office)

    def reject(self) -> None:
        """Closing is refused while the set-up runs; once the office exists, closing is finishing."""
        if self.finish_page.running:
            return
        if self.finish_page.succeeded:
            self.accept()
            return
        super().reject()

