"""Screenshots of CivicDesk on the Leshan demo data, for the README (docs/*.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py   (or under Xvfb without the variable)

It makes a fresh city database in a temporary folder, loads the demo, and shows what a clerk sees: the set-up
wizard, the register with an organization selected, searches for 通江 and lnxh, and the new-organization form
with a wrong USCC check character, the review queue and a change filing shown against the register, and the
监管 workbench (its 年度检查, 等级评估, 双随机抽查, 信用名单, 约谈与处罚, 举报投诉, 到期提醒 and 参数 tabs) in
Chinese and in English.  Chinese needs a CJK font (scripts/setup.sh installs WenQuanYi Zen Hei).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def wait(app: QApplication, predicate, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        app.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shot(widget: QWidget, name: str) -> None:
    path = DOCS / name
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT)}")


def main() -> int:
    from civicdesk.services.core.database import open_database
    from civicdesk.services.admin.demo import load_demo
    from civicdesk.services.admin.office import init_office
    from civicdesk.services.core.validation import make_uscc
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.main_window import MainWindow
    from civicdesk.ui.register.org_form import OrgFormDialog
    from civicdesk.ui.runner import Runner
    from civicdesk.ui.admin.setup_wizard import SetupWizard

    DOCS.mkdir(exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="civicdesk-shots-"))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    runner = Runner()

    fresh = open_database(folder / "fresh.sqlite3")
    wizard = SetupWizard(fresh, runner)
    wizard.resize(760, 620)
    wizard.show()
    settle(app)
    shot(wizard, "setup_wizard.png")
    wizard.close()
    fresh.close()

    db = open_database(folder / "leshan.sqlite3")
    init_office(db, code="511100", name="乐山市民政局", level="city")
    load_demo(db)
    ctx = AppContext(db, settings, runner, "zh")
    window = MainWindow(ctx)
    window.resize(1480, 860)
    window.show()
    loads = [0]
    window.model.order_loaded.connect(lambda: loads.__setitem__(0, loads[0] + 1))
    wait(app, lambda: loads[0] == 1)
    bar = window.filter_bar
    bar.tier.setCurrentIndex(bar.tier.findData("registered"))
    wait(app, lambda: loads[0] == 2)
    window.table.selectRow(5)
    wait(app, lambda: window.detail.record is not None)
    settle(app)
    shot(window, "main_window.png")

    bar.tier.setCurrentIndex(0)
    wait(app, lambda: loads[0] == 3)
    for query, name in (("通江", "search_tongjiang.png"), ("lnxh", "search_lnxh.png")):
        before = loads[0]
        window.filter_bar.search.setText(query)
        wait(app, lambda before=before: loads[0] == before + 1)
        window.table.selectRow(2)
        wait(app, lambda: window.detail.record is not None)
        settle(app)
        shot(window, name)

    record = {
        "name": "乐山市沙湾区茶叶行业协会", "tier": "registered", "legal_form": "social_group",
        "category": "industry_association", "registration_mode": "direct",
        "uscc": make_uscc("1", "511111", "MJ990001")[:17] + "0", "division_code": "511111",
        "township_code": "511111002", "address": "四川省乐山市沙湾区铜河街道嘉农路18号", "established_on": "2021-03-15",
        "registered_funds_wan": "5", "member_count": "86", "contact_phone": "0833-5123456",
        "people": [{"role": "legal_representative", "name": "王建国", "id_number": "511111197502301234"}],
    }
    form = OrgFormDialog(ctx, window, record)
    form.resize(1200, 900)
    form.show()
    form.validate_now()
    settle(app)
    shot(form, "org_form_error.png")
    form.close()
    shot_filings(app, ctx, window)
    shot_supervision(app, ctx, window)
    window.close()
    runner.wait()
    db.close()
    return 0


def shot_filings(app: QApplication, ctx, window) -> None:
    """The review queue and a change filing whose record changed meanwhile (issue 4): docs/review-queue.png and
    docs/filing-diff.png."""
    from datetime import timedelta

    from civicdesk import clock
    from civicdesk.services.admin import auth
    from civicdesk.services.register import browse
    from civicdesk.services.filings import service as filings
    from civicdesk.ui.filings.filing_dialog import FilingDialog
    from civicdesk.ui.labels import Labels
    from civicdesk.ui.filings.review_queue import ReviewQueue

    db = ctx.db
    auth.HASH_PARAMETERS.update(time_cost=1, memory_cost=1024, parallelism=1)  # screenshots, not security
    admin = auth.create_user(db, "admin", "Admin1234", "admin", full_name="管理员")
    clerk = auth.create_user(db, "zhangli", "Passw0rd1", "clerk", full_name="张丽", by=admin)
    reviewer = auth.create_user(db, "wangfang", "Passw0rd1", "reviewer", full_name="王芳", by=admin)
    other = auth.create_user(db, "liqiang", "Passw0rd1", "reviewer", full_name="李强", by=admin)
    orgs = browse.first_page(db, browse.RegisterFilter(tier="registered", legal_form="social_group"), limit=12)
    orgs = [o for o in orgs if o.legal_rep_name]
    today = clock.today()
    plan = [(70, {"address": "四川省乐山市市中区嘉定北路88号"}, "陈明"), (54, {"legal_rep_name": "刘志强"}, "刘志强"),
            (30, {"contact_phone": "0833-2456789"}, "黄伟"),
            (12, {"business_scope": "行业调研、培训、交流、咨询服务"}, "周敏"),
            (3, {"legal_rep_name": "杨春华", "address": "四川省乐山市五通桥区竹根镇新华街6号"}, "杨春华"),
            (1, {"member_count": 150}, "吴刚")]
    numbers = []
    for (days, changes, applicant), org in zip(plan, orgs[:len(plan)], strict=True):
        draft = filings.draft_filing(db, "change",
                                     {"organization_id": org.id, "changes": changes, "applicant": applicant,
                                      "documents": ["变更登记申请表", "会员大会决议", "新任负责人身份证复印件"],
                                      "received_on": (today - timedelta(days=days)).isoformat()},
                                     by=clerk)
        numbers.append(filings.transition(db, draft.id, "submit", by=clerk))
    filings.transition(db, numbers[2].id, "review", by=reviewer)
    diffed = numbers[4]
    meanwhile = filings.draft_filing(db, "change", {"organization_id": orgs[4].id,
                                                    "changes": {"address": "四川省乐山市五通桥区牛华镇河街12号"}},
                                     by=clerk)
    filings.transition(db, meanwhile.id, "submit", by=clerk)
    filings.transition(db, meanwhile.id, "approve", by=other)
    ctx.user = reviewer
    labels = Labels(db)
    queue = ReviewQueue(ctx, labels, window)
    queue.resize(1180, 420)
    loaded = []
    queue.loaded.connect(loaded.append)
    queue.show()
    wait(app, lambda: bool(loaded))
    queue.table.selectRow(3)  # not a flagged row: its red or amber shows
    settle(app)
    shot(queue, "review-queue.png")
    dialog = FilingDialog(ctx, labels, diffed.id, window)
    dialog.resize(1000, 760)
    dialog.show()
    wait(app, lambda: dialog.record is not None)
    settle(app)
    shot(dialog, "filing-diff.png")
    dialog.close()

    # an establishment filing lists every field and every person its approval writes, ID numbers masked
    record = {
        "name": "乐山市书法家协会", "tier": "registered", "legal_form": "social_group", "category": "culture",
        "registration_mode": "dual", "sponsor": "沙湾区文化广播电视和旅游局", "division_code": "511111",
        "township_code": "511111002", "address": "四川省乐山市沙湾区铜河街道沫若路20号", "registered_funds_wan": "3",
        "member_count": 56, "contact_phone": "0833-5122345", "uscc": "51511100MJ99007763",
        "established_on": (clock.today() - timedelta(days=2)).isoformat(),
        "people": [{"role": "legal_representative", "name": "郭文", "id_number": "511111197505150010",
                    "phone": "13881234567"},
                   {"role": "supervisor", "name": "钱秀英", "id_number": "51111119800101006X", "phone": "13900001111"}],
    }
    draft = filings.draft_filing(db, "establish", {"record": record, "applicant": "筹备组 郭文",
                                                   "documents": ["成立登记申请书", "章程草案", "业务主管单位批准文件"]},
                                 by=clerk)
    filings.transition(db, draft.id, "submit", by=clerk)
    dialog = FilingDialog(ctx, labels, draft.id, window)
    dialog.resize(1000, 980)
    dialog.show()
    wait(app, lambda: dialog.record is not None)
    dialog.diff.scrollToBottom()  # the people, after the fields
    settle(app)
    shot(dialog, "filing-establish.png")
    dialog.close()
    queue.close()


def supervision_data(ctx) -> None:
    """A year's inspection, ratings and a drawn spot check on the demo when it holds none (the screenshots'
    own, invented like the demo): reports of last year's campaign entered by the clerk and most of them decided
    by a reviewer, a rating decided and one waiting, the office's own 到期提醒 days, one plan at 4% drawn with one
    check told to rectify."""
    from datetime import date, timedelta

    from civicdesk import clock
    from civicdesk.errors import CivicDeskError
    from civicdesk.services.admin import auth
    from civicdesk.services.supervision import inspection, parameters, rating, spotcheck

    db = ctx.db
    users = {u.username: u for u in auth.list_users(db)}
    clerk, reviewer, admin = users["zhangli"], users["wangfang"], users["admin"]
    year = clock.today().year - 1
    campaigns = inspection.list_campaigns(db)
    if not campaigns:  # the demo ran none: last year's, the clerk's entries and the reviewer's conclusions
        campaigns = [inspection.open_campaign(db, year, by=clerk)]
        conclusions = ["pass"] * 7 + ["basic", "pass", "fail"] + ["pass"] * 10
        for n, (org_id, _name, _uscc, form) in enumerate(inspection.due_list(db, campaigns[0])):
            if n % 16 == 15:  # about one in sixteen never reports (参检率 about 93%)
                continue
            received = min(campaigns[0].deadline(form) + timedelta(days=(n % 7) * 9 - 30), clock.today())
            inspection.record(db, year, org_id, {"received_on": received, "income": 50_000 + n * 3_100,
                                                 "member_count": 40 + n}, by=clerk)
            if n % 40 == 5:
                continue  # a draft not yet submitted
            inspection.submit(db, year, org_id, by=clerk)
            if n % 30 == 4:
                continue  # waiting for the reviewer
            conclusion = conclusions[n % len(conclusions)]
            inspection.decide(db, year, org_id, conclusion=conclusion, by=reviewer,
                              reasons=None if conclusion == "pass" else "财务管理制度不健全，未按期换届")
    due = inspection.due_list(db, campaigns[0], limit=40)
    if not rating.list_ratings(db):
        parts = {"basic": 58, "governance": 372, "performance": 385, "reputation": 140}
        for org_id, *_rest in due[:12]:
            try:
                a = rating.apply(db, org_id, clock.today().year, by=clerk)
            except CivicDeskError:
                continue  # not eligible (its inspection last year): the screenshots take the next one
            rating.score(db, a.id, parts, by=clerk)
            rating.submit(db, a.id, by=clerk)
            if rating.list_ratings(db, state="decided"):
                break  # one waits for its decision
            rating.decide(db, a.id, by=reviewer, decision_no=f"乐民评〔{clock.today().year}〕1号")
    if not any(p.own for p in parameters.list_parameters(db)):  # an office's own rule, with its source
        parameters.set_parameter(db, "supervision.due_days", 45, source="乐山市民政局社会组织管理科工作规程（2026）",
                                 by=admin)
    if not spotcheck.list_plans(db):
        for name in ("李明", "陈静", "刘洋", "黄磊"):
            spotcheck.add_inspector(db, name, unit="社会组织管理科", by=admin)
        plan = spotcheck.plan(db, clock.today().year, "4%", by=clerk, title=f"{clock.today().year}年度双随机抽查")
        drawn = spotcheck.draw(db, plan.id, by=clerk)
        items = spotcheck.list_items(db, drawn.id)
        start = date.fromisoformat(str(drawn.drawn_at)[:10]) if drawn.drawn_at else clock.today()
        if items:
            spotcheck.record(db, items[0].id, {"notice_on": start, "checked_on": start, "result": "rectify",
                                               "findings": "未按规定公开年度工作报告",
                                               "rectify_by": start + timedelta(days=30)}, by=clerk)
        if len(items) > 1:
            spotcheck.record(db, items[1].id, {"notice_on": start, "checked_on": start, "result": "clear"},
                             by=clerk)


def enforcement_data(ctx) -> None:
    """Penalties, interviews and complaints on the demo when it holds none (the screenshots' own, invented like
    the demo): a fine decided and a case under investigation, a suspension, two interviews (one with its
    outcome), complaints received, assigned (one overdue), replied, and one about an unregistered body."""
    from datetime import datetime, timedelta

    from civicdesk import clock
    from civicdesk.services.admin import auth
    from civicdesk.services.supervision import complaints, inspection, interviews, penalties

    db = ctx.db
    if penalties.list_penalties(db) or complaints.list_complaints(db):
        return
    users = {u.username: u for u in auth.list_users(db)}
    clerk, reviewer = users["zhangli"], users["wangfang"]
    today, year = clock.today(), clock.today().year
    campaign = inspection.list_campaigns(db)[0]
    orgs = [org_id for org_id, *_rest in inspection.due_list(db, campaign, limit=12)]
    a = complaints.receive(db, received_on=today - timedelta(days=75), channel="phone", organization=orgs[0],
                           content="收取会员费未开具合法票据，会费标准未经会员大会通过",
                           reporter={"name": "赵某", "phone": "13900001111"}, by=clerk)
    complaints.assign(db, a.id, to="zhangli", by=clerk)
    b = complaints.receive(db, received_on=today - timedelta(days=40), channel="letter", organization=orgs[1],
                           content="理事会连续两年未召开，负责人长期不履职", reporter={"anonymous": True}, by=clerk)
    complaints.assign(db, b.id, to="zhangli", by=clerk)
    complaints.reply(db, b.id, finding="经核查属实，已约谈负责人并责令限期换届", replied_on=today - timedelta(days=12),
                     by=clerk)
    c = complaints.receive(db, received_on=today - timedelta(days=8), channel="online", organization=orgs[2],
                           content="以协会名义举办评比表彰活动并收取费用", reporter={"name": "钱某"}, by=clerk)
    complaints.assign(db, c.id, to="zhangli", by=clerk)
    complaints.receive(db, received_on=today - timedelta(days=2), channel="visit",
                       subject_name="乐山市某某文化交流促进会（未登记）", content="未经登记以社会组织名义开展活动",
                       reporter={"name": "孙某", "address": "乐山市市中区"}, by=clerk)
    held = datetime.combine(today - timedelta(days=30), datetime.min.time()).replace(hour=9, minute=30)
    interviews.record(db, orgs[1], held_at=held, place="乐山市民政局三楼会议室", participants="会长、秘书长",
                      issues="理事会长期不召开，未按章程换届", rectification="三个月内召开会员大会完成换届",
                      rectify_by=today + timedelta(days=60), complaint=b.id, by=clerk)
    i = interviews.record(db, orgs[3], held_at=held - timedelta(days=50), place="乐山市民政局三楼会议室",
                          participants="法定代表人", issues="年度工作报告未按时公开", rectification="十五日内公开",
                          rectify_by=(held - timedelta(days=35)).date(), by=clerk)
    interviews.record_outcome(db, i.id, outcome="已在门户网站公开年度工作报告",
                              outcome_on=(held - timedelta(days=38)).date(), by=clerk)
    p = penalties.enter(db, orgs[0], case_no=f"乐民罚立〔{year}〕1号", kind="fine", amount="20000",
                        facts="违反规定收取费用，不开具合法票据",
                        basis="《社会团体登记管理条例》第三十条第一款第（六）项", complaint=a.id, by=clerk)
    penalties.decide(db, p.id, decision_no=f"乐民罚〔{year}〕1号", decided_on=today - timedelta(days=20), by=reviewer)
    p = penalties.enter(db, orgs[4], case_no=f"乐民罚立〔{year}〕2号", kind="suspension",
                        suspended_from=today - timedelta(days=5), suspended_to=today + timedelta(days=85),
                        facts="未按规定办理变更登记即开展活动",
                        basis="《社会团体登记管理条例》第三十条第一款第（二）项", by=clerk)
    penalties.decide(db, p.id, decision_no=f"乐民罚〔{year}〕2号", decided_on=today - timedelta(days=6), by=reviewer)
    penalties.enter(db, orgs[2], case_no=f"乐民罚立〔{year}〕3号", kind="warning",
                    facts="以本会名义举办评比表彰活动并收取费用",
                    basis="《社会团体登记管理条例》第三十条第一款第（八）项", complaint=c.id, by=clerk)


def credit_data(ctx) -> None:
    """Credit listings on the demo when it holds none (the screenshots' own): the rule engine over the reports
    missing from last year's campaign, most of its proposals listed by a reviewer, one rejected, a proposal by
    hand waiting for its decision, a rectified removal proposed and an objection received."""
    from datetime import timedelta

    from civicdesk import clock
    from civicdesk.services.admin import auth
    from civicdesk.services.supervision import credit

    db = ctx.db
    if credit.list_listings(db):
        return
    users = {u.username: u for u in auth.list_users(db)}
    clerk, reviewer = users["zhangli"], users["wangfang"]
    today = clock.today()
    proposed = credit.propose_due(db, by=clerk, on=today - timedelta(days=40)).proposed
    year = today.year
    listed = []
    for n, p in enumerate(proposed[:8]):
        if n == 5:
            credit.decide(db, p.id, approve=False, by=reviewer, reason="已于期限前报送，系录入延误",
                          decided_on=today - timedelta(days=35))
        elif n < 7:
            listed.append(credit.decide(db, p.id, approve=True, by=reviewer, decision_no=f"乐民信〔{year}〕{n + 1}号",
                                        decided_on=today - timedelta(days=35)))
    if listed:
        credit.propose_removal(db, listed[0].id, "rectified", by=clerk, on=today - timedelta(days=3))
    if len(listed) > 1:
        credit.object_to(db, listed[1].id, "年度工作报告已于截止日前通过邮寄报送，附邮寄凭证", by=clerk,
                         received_on=today - timedelta(days=2))
    target = proposed[8].organization_id if len(proposed) > 8 else listed[-1].organization_id
    credit.propose(db, target, "serious", "change_fraud", by=clerk, detail="变更登记时提交虚假的会员大会决议",
                   evidence=[{"entity": "document", "summary": "会员大会决议与会议签到表不符（调查笔录）"}])


def shot_supervision(app: QApplication, ctx, window) -> None:
    """The 监管 workbench on the demo, each tab in Chinese (docs/supervision-inspection.png, -inspection-city (the
    whole-city view), -rating, -spotcheck, -credit, -enforcement, -complaints, -due, -parameters) and in English
    (the same names ending -en)."""
    from civicdesk.services.admin import auth
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.labels import Labels
    from civicdesk.ui.main import install_translators
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench

    supervision_data(ctx)
    enforcement_data(ctx)
    credit_data(ctx)
    users = {u.username: u for u in auth.list_users(ctx.db)}
    for lang in ("zh", "en"):
        translators = install_translators(app, lang)
        here = AppContext(ctx.db, ctx.settings, ctx.runner, lang, user=users["wangfang"])
        bench = SupervisionWorkbench(here, Labels(ctx.db, lang), window)
        bench.resize(1320, 720)
        bench.show()
        suffix = "" if lang == "zh" else "-en"
        for key in ("inspection", "rating", "spotcheck", "credit", "enforcement", "complaints", "due", "parameters"):
            page = bench.set_tab(key)
            wait(app, lambda bench=bench: not bench.busy())
            settle(app)
            if key == "inspection":
                # a report waiting for this reviewer's conclusion: the figures above, the buttons enabled
                for row in range(page.proxy.rowCount()):
                    page.table.selectRow(row)
                    if page.selected().state == "submitted":
                        break
            elif key in ("enforcement", "complaints") and page.proxy.rowCount():
                # a case waiting for this reviewer's decision, an interview; a complaint being handled (the
                # overdue one left unselected, so that its red shows)
                wanted = "draft" if key == "enforcement" else "assigned"
                for row in range(page.proxy.rowCount()):
                    page.table.selectRow(row)
                    if page.selected().state == wanted and not getattr(page.selected(), "overdue", lambda: False)():
                        break
                if key == "enforcement" and page.interview_proxy.rowCount():
                    page.interviews.selectRow(0)
                    page.table.setFocus()
            elif key in ("rating", "spotcheck") and page.proxy.rowCount():
                page.table.selectRow(0)
                wait(app, lambda bench=bench: not bench.busy())
                if key == "spotcheck" and page.items_proxy.rowCount():
                    page.items.selectRow(0)
            elif key == "credit":
                # the proposal by hand, waiting for this reviewer's decision: its evidence and steps below
                for row in range(page.proxy.rowCount()):
                    page.table.selectRow(row)
                    if page.selected().listing.state == "proposed" and page.selected().listing.proposed_by != "rules":
                        break
                wait(app, lambda bench=bench: not bench.busy())
            settle(app)
            shot(bench, f"supervision-{key}{suffix}.png")
            if key == "inspection" and page.whole_city is not None:
                # the city's whole-city view: 参检率 by registry across every office, read-only
                page.whole_city.setChecked(True)
                wait(app, lambda bench=bench: not bench.busy())
                settle(app)
                shot(bench, f"supervision-inspection-city{suffix}.png")
                page.whole_city.setChecked(False)
                wait(app, lambda bench=bench: not bench.busy())
        bench.close()
        for t in translators:
            app.removeTranslator(t)
    install_translators(app, "zh")


if __name__ == "__main__":
    raise SystemExit(main())
