"""The city's ruling (市局裁决) on a district's credit listing or penalty, as the 信用名单 and 约谈与处罚 tabs
offer it: the button's reason, the form (撤销 or 更正 with the correctable fields, 文号, date, reason; the service's
one-line refusal stays in the form) and the lines the selected row's detail shows about its rulings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from civicdesk.services.supervision import ruling
from civicdesk.ui.context import Changes
from civicdesk.ui.supervision.forms import ActionDialog, choices, date_field, why_not

if TYPE_CHECKING:
    from civicdesk.services.supervision.ruling import RulingInfo
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench

def at_city(ctx: AppContext) -> bool:
    """The database is the city bureau's (as the inspection and rating tabs decide their whole-city view)."""
    return bool(ctx.db.office().level == "city")


def why_not_rule(ctx: AppContext, office_code: str | None, state: str | None) -> str | None:
    """Why the user cannot rule on a row of ``office_code`` in ``state``; None when it can."""
    if office_code is None:
        return QCoreApplication.translate("SupervisionRuling", "请先选择一条记录。")
    if office_code == ctx.db.office().code:
        return QCoreApplication.translate("SupervisionRuling", "本单位自己的记录不由市局裁决：请用本单位的决定步骤办理。")
    if state in ("annulled", "withdrawn"):
        return QCoreApplication.translate("SupervisionRuling", "该记录已撤销，不能再裁决。")
    return why_not(ctx, ruling.DECIDE)


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("SupervisionRuling", "撤销") if kind == "annul" else QCoreApplication.translate("SupervisionRuling", "更正")


def field_label(name: str) -> str:
    labels = {"ground": QCoreApplication.translate("SupervisionRuling", "列入情形代码"), "ground_detail": QCoreApplication.translate("SupervisionRuling", "情形说明"), "decided_on": QCoreApplication.translate("SupervisionRuling", "决定日期"),
              "listed_on": QCoreApplication.translate("SupervisionRuling", "列入日期"), "amount": QCoreApplication.translate("SupervisionRuling", "金额（元）"), "suspended_from": QCoreApplication.translate("SupervisionRuling", "停止活动自"),
              "suspended_to": QCoreApplication.translate("SupervisionRuling", "停止活动至"), "appeal_by": QCoreApplication.translate("SupervisionRuling", "复议期限"), "basis": QCoreApplication.translate("SupervisionRuling", "处罚依据")}
    return labels.get(name, name)


def open_form(bench: SupervisionWorkbench, entity: str, subject_id: str, title: str,
              changes: Changes, shown_version: int | None = None) -> ActionDialog:
    """The ruling's form, opened; 更正's fields are enabled only for 更正 (an empty one is not corrected).  The
    ruling is refused when the subject changed since it was shown (``shown_version``, the version shown)."""
    db, user = bench.ctx.db, bench.ctx.user
    kind = choices([(kind_label(k), k) for k in ruling.KINDS])
    names = ruling.CORRECTABLE[entity]
    edits = {name: QLineEdit() for name in names}
    for edit in edits.values():
        edit.setPlaceholderText(QCoreApplication.translate("SupervisionRuling", "不更正则不填"))

    def kind_changed() -> None:
        for edit in edits.values():
            edit.setEnabled(kind.currentData() == "correct")

    kind.currentIndexChanged.connect(lambda _i: kind_changed())
    kind_changed()
    number = QLineEdit()
    number.setPlaceholderText(QCoreApplication.translate("SupervisionRuling", "裁决文号（必填）"))

    def work(v: dict[str, Any]) -> Any:
        fields = {n: v[f"field_{n}"] for n in names if v["kind"] == "correct" and v[f"field_{n}"]}
        return lambda _job: ruling.issue(db, entity, subject_id, v["kind"], fields, v["decision_no"] or "",
                                         v["decided_on"], v["reason"] or "", by=user,
                                         shown_version=shown_version)

    fields: list[tuple[str, str, Any]] = [("kind", QCoreApplication.translate("SupervisionRuling", "裁决种类(&K)"), kind)]
    fields += [(f"field_{n}", field_label(n), edits[n]) for n in names]
    fields += [("decision_no", QCoreApplication.translate("SupervisionRuling", "文号(&N)"), number), ("decided_on", QCoreApplication.translate("SupervisionRuling", "裁决日期(&D)"), date_field()),
               ("reason", QCoreApplication.translate("SupervisionRuling", "理由(&R)"), QPlainTextEdit())]
    dialog = ActionDialog(bench, title, fields, work, done_text=QCoreApplication.translate("SupervisionRuling", "已作出市局裁决，将随同步发送该区县。"),
                          changes=changes,
                          note=QCoreApplication.translate("SupervisionRuling", "撤销：该记录失效；更正：只改所填的字段。裁决发送给该记录所属的区县，区县不能改动。"))
    dialog.open()
    return dialog


def lines(rulings: Sequence[RulingInfo], city: bool) -> list[str]:
    """The selected row's rulings, one line each: 文号, date, kind, reason (at a district: 已由市民政局裁决)."""
    out = []
    for r in rulings:
        what = kind_label(r.kind)
        if r.fields:
            what += "（" + "、".join(field_label(n) for n in sorted(r.fields)) + "）"
        if city:
            out.append(QCoreApplication.translate("SupervisionRuling", "市局裁决 %1，%2，%3：%4").replace("%1", r.decision_no)
                       .replace("%2", r.decided_on.isoformat()).replace("%3", what).replace("%4", r.reason))
        else:
            out.append(QCoreApplication.translate("SupervisionRuling", "已由市民政局裁决（文号%1），%2，%3：%4").replace("%1", r.decision_no)
                       .replace("%2", r.decided_on.isoformat()).replace("%3", what).replace("%4", r.reason))
    return out
