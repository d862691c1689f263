"""The 培育 workbench's 孵化基地 and 政府购买服务 tabs on the 沙湾区 demo (its bases, residents and projects), their
forms (a resident graduated; a payment over the contract refused with the service's line, writing nothing), the
print buttons (the program's print dialog on the kinds ``projects`` and ``venture-report``), the points scheme and
a volunteer's leaving, one form each of 公益创投, 社区基金, 表彰 and 儿童服务站经费, and the figures on the right."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from civicdesk.errors import InputError
from civicdesk.services.cultivation import funds, incubation, projects, stations, venture, volunteers
from civicdesk.ui.cultivation.forms import RED
from tests.helpers.db import digest
from tests.ui import test_cultivation_workbench as first
from tests.ui.test_cultivation_workbench import open_bench, pick
from tests.ui.test_supervision_ui import fill_and_save, settle

office = first.office  # the fixture: the 沙湾区 demo with its users, a clerk logged in


def test_the_incubation_tab_lists_the_demo_and_graduates_a_resident(qtbot: Any, office: Any) -> None:
    ctx = office
    bases = incubation.list_bases(ctx.db)
    base = next(b for b in bases if b.kind == "base")
    bench = open_bench(qtbot, ctx, "incubation")
    tab = bench.incubation
    assert [r.name for r in tab.model.rows()] == [b.name for b in bases] and len(bases) == 2
    assert f"基地 2 个（其中孵化园 1 个），累计入驻 {sum(b.admitted for b in bases)} 个" in tab.summary.text()
    pick(tab, base.name)
    residents = tab.residents.model.rows()
    assert len(residents) == base.admitted == 10
    phones = [r.contact_phone for r in residents if r.contact_phone]
    assert phones and all(re.fullmatch(r"\d{3}\*+\d{4}", p) for p in phones)  # masked for a clerk
    assert not tab.reveal_button.isEnabled()
    assert tab.services.model.rows() == list(residents[0].services)  # the first resident's services beside
    row = next(i for i, r in enumerate(residents) if r.outcome is None and r.organization_id is None)
    resident = residents[row]
    tab.residents.view.selectRow(tab.residents.proxy.mapFromSource(tab.residents.model.index(row, 0)).row())
    dialog = tab.graduate()
    assert dialog is not None and dialog.windowTitle() == f"出壳或退出：{resident.name}"
    before = digest(ctx.path, without=("audit_entry",))
    early = date.fromordinal(resident.admitted_on.toordinal() - 1)
    fill_and_save(qtbot, ctx, dialog, outcome="registered", outcome_on=early)  # before admission: refused as typed
    assert dialog.isVisible() and dialog.fields["outcome_on"].styleSheet() == RED
    assert dialog.error.text() == InputError(
        "incubation.graduation_before_admission", field="outcome_on", value=early.isoformat(),
        graduated_on=early.isoformat(), admitted_on=resident.admitted_on.isoformat()).message("zh")
    assert digest(ctx.path, without=("audit_entry",)) == before
    fill_and_save(qtbot, ctx, dialog, outcome="registered", outcome_on=date(2026, 11, 20))
    settle(ctx)
    assert not dialog.isVisible(), dialog.error.text()
    after = tab.selected()
    assert (after.name, after.graduated, after.in_residence) == (base.name, base.graduated + 1, base.in_residence - 1)
    done = next(r for r in tab.residents.model.rows() if r.id == resident.id)
    assert (done.outcome, done.graduated_on) == ("registered", date(2026, 11, 20))


def test_the_projects_tab_refuses_a_payment_over_the_contract(qtbot: Any, office: Any) -> None:
    ctx = office
    rows = projects.list_projects(ctx.db)
    bench = open_bench(qtbot, ctx, "projects")
    tab = bench.projects
    assert [p.id for p in tab.model.rows()] == [p.id for p in rows] and len(rows) >= 5
    tab.year.setCurrentIndex(tab.year.findData(2021))
    assert tab.proxy.rowCount() == sum(1 for p in rows if p.year == 2021) > 0
    assert tab.summary.text().startswith(f"项目 {tab.proxy.rowCount()} 个")
    tab.year.setCurrentIndex(0)
    project = next(p for p in rows if p.unpaid > 0)
    tab.search.setText(project.contract_no or "")
    assert tab.proxy.rowCount() == 1
    tab.table.selectRow(0)
    settle(ctx)
    assert [p.amount for p in tab.payments.model.rows()] == [p.amount for p in projects.get_project(
        ctx.db, project.id).payments]
    assert f"未支付 {project.unpaid:,.2f} 元" in tab.facts.toPlainText()
    dialog = tab.pay()
    before = digest(ctx.path, without=("audit_entry",))
    over = project.unpaid + Decimal("0.01")
    fill_and_save(qtbot, ctx, dialog, amount=str(over), paid_on=date(2026, 11, 20))
    settle(ctx)
    assert dialog.isVisible() and dialog.error.text() == InputError(
        "project.over_contract", amount=format(over, "f"), paid=format(project.paid, "f"),
        contract=format(project.amount, "f"), left=format(project.unpaid, "f")).message("zh")
    assert digest(ctx.path, without=("audit_entry",)) == before
    fill_and_save(qtbot, ctx, dialog, amount=str(project.unpaid))
    settle(ctx)
    assert not dialog.isVisible(), dialog.error.text()
    assert (tab.selected().unpaid, tab.pay_button.isEnabled()) == (0, False)


def test_the_project_list_prints_through_the_print_dialog(qtbot: Any, office: Any) -> None:
    ctx = office
    bench = open_bench(qtbot, ctx, "projects")
    bench.projects.year.setCurrentIndex(bench.projects.year.findData(2020))
    dialog = bench.projects.print_list()
    qtbot.addWidget(dialog)
    assert dialog.current_kind() == "projects" and dialog.options().year == 2020
    assert "2020年度政府购买服务项目一览表" in dialog.other_words.text()
    dialog.reject()


def test_a_rounds_report_prints_through_the_print_dialog(qtbot: Any, office: Any) -> None:
    ctx = office
    bench = open_bench(qtbot, ctx, "venture")
    r = bench.venture.selected()
    dialog = bench.venture.print_report()
    qtbot.addWidget(dialog)
    assert dialog.current_kind() == "venture-report" and dialog.options().round == r.id
    dialog.reject()


def test_the_points_scheme_and_a_volunteer_leaving(qtbot: Any, office: Any) -> None:
    ctx = office
    team = next(t for t in volunteers.list_teams(ctx.db) if t.volunteers)
    bench = open_bench(qtbot, ctx, "volunteers")
    tab = bench.volunteers
    dialog = tab.set_scheme()
    awards = dialog.fields["awards"]
    awards.set_award(0, "100", "铜牌志愿者", "Bronze")
    awards.set_award(1, "50", "银牌志愿者", "Silver")  # fewer points than the level before: refused as typed
    assert dialog.error.isVisible() and dialog.fields["awards"].styleSheet() == RED
    awards.set_award(1, "300", "银牌志愿者", "Silver")
    fill_and_save(qtbot, ctx, dialog, name="沙湾区志愿服务积分办法", valid_from=date(2026, 1, 1), per_hour="1",
                  max_hours_per_day=8, source="《志愿服务条例》第二十一条；本局做法")
    settle(ctx)
    assert not dialog.isVisible(), dialog.error.text()
    scheme = volunteers.scheme_in_force(ctx.db)
    assert scheme is not None and scheme.rules == {"per_hour": 1, "max_hours_per_day": 8, "awards": [
        {"points": 100, "zh": "铜牌志愿者", "en": "Bronze"}, {"points": 300, "zh": "银牌志愿者", "en": "Silver"}]}
    assert "现行积分办法：沙湾区志愿服务积分办法（自 2026-01-01 起，每小时 1 分）" in tab.summary.text()
    pick(tab, team.name)
    person = next(p for p in tab.people.model.rows() if p.left_on is None)
    tab.people.view.selectRow(tab.people.proxy.mapFromSource(
        tab.people.model.index(tab.people.model.rows().index(person), 0)).row())
    dialog = tab.leave()
    fill_and_save(qtbot, ctx, dialog, left_on=date(2026, 11, 25))
    settle(ctx)
    assert not dialog.isVisible(), dialog.error.text()
    assert next(p for p in tab.people.model.rows() if p.id == person.id).left_on == date(2026, 11, 25)


def test_a_round_and_a_fund_entry_through_their_forms(qtbot: Any, office: Any) -> None:
    ctx = office
    bench = open_bench(qtbot, ctx, "venture")
    rounds = len(venture.list_rounds(ctx.db))
    fill_and_save(qtbot, ctx, bench.venture.add_round(), name="沙湾区2026年社区公益创投", kind="venture",
                  organizer="乐山市沙湾区民政局", budget="300000", opens_on=date(2026, 9, 1),
                  closes_on=date(2026, 10, 31))
    settle(ctx)
    assert len(bench.venture.model.rows()) == rounds + 1

    tab = bench.set_tab("funds")
    settle(ctx)
    fund = tab.selected()
    fill_and_save(qtbot, ctx, tab.contribute(), amount="5000", party="乐山某公司", purpose="社区助老",
                  entry_on=date(2026, 11, 20))
    settle(ctx)
    assert next(f for f in funds.list_funds(ctx.db) if f.id == fund.id).contributed == fund.contributed + 5000
    assert tab.selected().contributed == fund.contributed + 5000


def test_an_award_and_a_station_funding_through_their_forms(qtbot: Any, office: Any) -> None:
    ctx = office
    bench = open_bench(qtbot, ctx, "volunteers")
    tab = bench.volunteers
    fill_and_save(qtbot, ctx, tab.award(), title="优秀志愿服务队", awarded_by="沙湾区民政局",
                  awarded_on=date(2026, 11, 20))
    settle(ctx)
    assert [a.title for a in volunteers.list_awards(ctx.db, team=tab.selected().id)] == ["优秀志愿服务队"]

    tab = bench.set_tab("stations")
    settle(ctx)
    station = tab.selected()
    fill_and_save(qtbot, ctx, tab.add_funding(), source="civil_affairs", funder="沙湾区民政局", amount="8000",
                  year=2026, received_on=date(2026, 11, 2))
    settle(ctx)
    assert ("沙湾区民政局", Decimal("8000.00")) in [(f.funder, f.amount) for f in stations.list_funding(
        ctx.db, station.id)]
    assert tab.selected().funded == station.funded + 8000


def test_every_figure_of_the_workbench_is_on_the_right(qtbot: Any, office: Any) -> None:
    ctx = office
    bench = open_bench(qtbot, ctx, "incubation")
    for key in ("projects", "venture", "funds", "volunteers", "stations"):
        bench.set_tab(key)
        settle(ctx)
    figure = re.compile(r"-?\d[\d,]*(\.\d+)?")
    checked = 0
    for view in bench.findChildren(QTableView):
        model = view.model()
        for c in range(model.columnCount()):
            texts = [model.index(r, c) for r in range(min(model.rowCount(), 5))]
            for index in texts:
                words = str(index.data() or "")
                if figure.fullmatch(words):
                    checked += 1
                    align = index.data(Qt.ItemDataRole.TextAlignmentRole)
                    assert align is not None and Qt.AlignmentFlag(align) & Qt.AlignmentFlag.AlignRight, (
                        view.objectName(), model.headerData(c, Qt.Orientation.Horizontal), words)
    assert checked > 50
