"""Invented credit supervision records for the demo register (marked as demo: every actor is ``demo_clerk``,
``demo_reviewer`` or the rule engine, every id a demo id, every reporter a clearly fake 示例举报人 with a
1380000xxxx phone): what an office that keeps its credit lists in CivicDesk would hold, in the proportions offices
publish.

Per office, after the inspections, ratings and spot checks of :mod:`.demo` are in:

- the listings the rule engine itself finds due (:func:`.credit.missing_report_proposals`): the missing annual
  reports of 2019 and 2020 (a few percent of the registered organizations), proposed by ``rules`` and decided by the
  reviewer.  Of 2019's, most were removed after the report came in (rectified), one was moved to the serious
  list two years on, one falls due for that move within the next three weeks, one has its removal waiting for
  the reviewer; of 2020's, two in three are listed (a few already removed, one still waiting for its decision)
  and the others are left for the engine to propose when a clerk runs it (``credit propose --rules``);
- penalties decided with four eyes (mostly warnings, a few small fines, a large fine in a larger office, one
  suspension; one case still under investigation), and the listings the engine proposes for them
  (:func:`.credit.penalty_proposals`), a warning's
  removed six months on;
- interviews, a year of complaints by every channel in every state (some replies overdue, some due within days),
  one complaint leading to an interview and a warning and the warning to a listing, and one objection waiting.

The dates are counted back from the program's today (as the ratings of :mod:`.demo` are), so the timers are never
empty on the day the demo is loaded; everything comes from one seed per office and goes in by the bulk path (with
its change-log rows) in the demo's unit of work.  A complaint's reporter is kept only by the office that received
it: the database's own office (the first of ``offices``).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.models import (Complaint, ComplaintReporter, CreditEvent, CreditListing, CreditObjection, Interview,
                              Organization, Penalty, table_of)
from civicdesk.schema import LIVE_STATUSES
from civicdesk.services.core.bulk import insert_rows
from civicdesk.services.supervision import complaints, credit, parameters

SEED = 20261205
NAMESPACE = uuid.UUID("6b1e4f3a-2c7d-4e8f-a1b2-3c4d5e6f2026")
CLERK, REVIEWER = "demo_clerk", "demo_reviewer"
PLACE = "民政局社会组织管理科会议室（演示）"
ISSUES = ("未按章程规定召开理事会，内部治理不规范", "收费项目未公示，会员反映强烈", "年度工作报告迟报，财务收支不清")
FACTS = {"warning": "演示案情：未按规定报送年度工作报告并拒不改正",
         "fine": "演示案情：违反规定收取费用，违法所得已退还",
         "suspension": "演示案情：开展与宗旨无关的营利活动，情节严重",
         "investigation": "演示案情：涉嫌擅自设立分支机构，正在调查"}
BASIS = "《社会团体登记管理条例》第三十条（演示）"
COMPLAINTS = ("演示举报：该组织以培训名义收取高额费用", "演示举报：该组织负责人长期不开展活动",
              "演示投诉：会费收取标准未经会员大会通过", "演示举报：该组织冒用政府名义开展评比")
UNREGISTERED = ("乐山市示例国学研究会（未登记）", "示例健身俱乐部联合会（未登记）", "示例全球华人联谊总会（未登记）")
FINDINGS = ("经核查，反映问题部分属实，已责令整改", "经核查，反映问题不属实", "已转交业务主管单位处理")


def demo_id(kind: str, *parts: Any) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(["leshan-demo-credit", kind, *map(str, parts)])))


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour)


def _years_back(day: date, years: int) -> date:
    return credit.add_months(day, -12 * years)


@dataclass(frozen=True)
class CreditCounts:
    listings: int
    penalties: int
    interviews: int
    complaints: int


class _Office:
    """The credit rows of one office, built in a fixed order from the office's own seed."""

    def __init__(self, session: Session, office_code: str, own: bool, now: datetime) -> None:
        self.session, self.office, self.own, self.now = session, office_code, own, now
        self.today = now.date()
        self.rng = random.Random(f"{SEED}-{office_code}")
        self.rows: dict[Any, list[dict[str, Any]]] = {}
        self.numbers = 0

    def add(self, model: Any, row: dict[str, Any]) -> None:
        extra = {} if model is ComplaintReporter else {"origin_office": self.office, "updated_at": self.now}
        self.rows.setdefault(model, []).append({"created_at": self.now, **extra, **row})

    def _number(self, day: date) -> str:
        self.numbers += 1
        return f"演示信〔{day.year}〕{self.numbers}号"

    # -- listings ------------------------------------------------------------------------------------------------
    def listing(self, p: credit.Proposal, proposed_on: date, fate: str, *, decided_on: date | None = None,
                removal_on: date | None = None, removed_on: date | None = None, removal: str = "rectified",
                moved_from: str | None = None, number: str | None = None) -> str:
        """One listing made from the engine's proposal ``p``, and its steps: ``fate`` ``proposed`` | ``listed`` |
        ``removal_pending`` | ``removed`` | ``moved`` (by the serious listing decided on ``removed_on``)."""
        lid = demo_id("credit_listing", self.office, p.organization_id, p.ground, p.source_id)
        state = {"removal_pending": "listed"}.get(fate, fate)
        number = number or (self._number(decided_on) if decided_on else None)
        remover = CLERK if removal == "rectified" else credit.RULES_ACTOR
        removal_no = self._number(removed_on) if removed_on and fate == "removed" else None
        self.add(CreditListing, {
            "id": lid, "organization_id": p.organization_id, "office_code": self.office, "list_kind": p.list_kind,
            "state": state, "ground": p.ground, "ground_detail": None, "evidence": p.evidence,
            "source_entity": p.source_entity, "source_id": p.source_id, "proposed_by": credit.RULES_ACTOR,
            "proposed_on": proposed_on, "decision_no": number, "decided_on": decided_on,
            "decided_by": REVIEWER if decided_on else None, "listed_on": decided_on,
            "removal_ground": removal if removal_on else None, "removal_proposed_on": removal_on,
            "removal_proposed_by": remover if removal_on else None, "removal_decision_no": removal_no,
            "removed_on": removed_on if fate in ("removed", "moved") else None,
            "removed_by": REVIEWER if fate in ("removed", "moved") else None, "moved_from_id": moved_from,
            "reason": None})
        steps: list[tuple[str, str | None, str, str, date, str | None]] = [
            ("propose", None, "proposed", credit.RULES_ACTOR, proposed_on, p.ground)]
        if decided_on:
            steps.append(("list", "proposed", "listed", REVIEWER, decided_on, number))
        if removal_on:
            steps.append(("propose_removal", "listed", "listed", remover, removal_on, removal))
        if fate == "removed" and removed_on:
            steps.append(("remove", "listed", "removed", REVIEWER, removed_on, removal_no))
        for n, (action, before, after, actor, on, comment) in enumerate(steps):
            self.add(CreditEvent, {"id": demo_id("credit_event", lid, n), "listing_id": lid, "action": action,
                                   "from_state": before, "to_state": after, "actor": actor, "at": _at(on, 9 + n),
                                   "comment": comment})
        return lid

    def moved(self, p: credit.Proposal, listed_on: date, rng: random.Random) -> None:
        """An abnormal listing moved to the serious list on the day its two years ran out."""
        day = _years_back(listed_on, -2)
        decided = min(self.today, day + timedelta(days=rng.randint(1, 5)))
        old = self.listing(p, listed_on - timedelta(days=rng.randint(3, 12)), "moved", decided_on=listed_on,
                           removed_on=decided)
        serious = credit.Proposal(p.organization_id, "serious", "abnormal_two_years", "credit_listing", old,
                                  [{"entity": "credit_listing", "id": old,
                                    "summary": f"自{listed_on.isoformat()}列入活动异常名录满2年"}], None, old)
        number = self._number(decided)
        self.rows[CreditListing][-1]["removal_decision_no"] = number  # the move is the serious listing's decision
        self.add(CreditEvent, {"id": demo_id("credit_event", old, "move"), "listing_id": old, "action": "move",
                               "from_state": "listed", "to_state": "moved", "actor": REVIEWER,
                               "at": _at(decided, 15), "comment": None})
        self.listing(serious, day, "listed", decided_on=decided, moved_from=old, number=number)

    def missing_reports(self, found: list[credit.Proposal]) -> set[str]:
        """The listings of the missing annual reports; returns the organizations they concern."""
        rng, today = self.rng, self.today
        years: dict[str, list[credit.Proposal]] = {}
        for p in found:
            years.setdefault(p.source_id, []).append(p)
        by_year = sorted(years.values(), key=lambda ps: ps[0].evidence[0]["summary"])  # 2019's first
        first = by_year[0] if len(by_year) > 1 else []
        last = by_year[-1] if by_year else []
        later = {p.organization_id for p in last}
        # 2019: only an organization that did not miss 2020 too can be the one moved over or about to be
        alone = [p for p in first if p.organization_id not in later]
        special = {id(p) for p in alone[:2]}
        if alone:
            self.moved(alone[0], _years_back(today, 2) - timedelta(days=rng.randint(40, 300)), rng)
        if len(alone) > 1:  # its two years run out within three weeks: the move-over timer
            listed = _years_back(today + timedelta(days=rng.randint(3, 20)), 2)
            self.listing(alone[1], listed - timedelta(days=rng.randint(3, 12)), "listed", decided_on=listed)
        pending = False
        for n, p in enumerate(q for q in first if id(q) not in special):
            listed = today - timedelta(days=rng.randint(250, 650))
            proposed = listed - timedelta(days=rng.randint(3, 12))
            if not pending:  # the report came in two days ago: the removal waits for the reviewer
                pending = True
                self.listing(p, proposed, "removal_pending", decided_on=listed,
                             removal_on=today - timedelta(days=rng.randint(0, 2)))
            elif n % 4 == 3:
                self.listing(p, proposed, "listed", decided_on=listed)
            else:
                verified = listed + timedelta(days=rng.randint(30, 180))
                self.listing(p, proposed, "removed", decided_on=listed, removal_on=verified,
                             removed_on=verified + timedelta(days=rng.randint(1, 4)))
        # 2020: two in three listed (the others are left for the engine), one still waiting for its decision
        waiting = False
        for n, p in enumerate(last):
            if n % 3 == 2 or (len(last) < 3 and n == len(last) - 1):  # left for the engine
                continue
            proposed = today - timedelta(days=rng.randint(20, 200))
            if not waiting:
                waiting = True
                self.listing(p, today - timedelta(days=rng.randint(1, 6)), "proposed")
            elif n % 5 == 4:
                listed = proposed + timedelta(days=rng.randint(2, 10))
                verified = min(today, listed + timedelta(days=rng.randint(10, 60)))
                self.listing(p, proposed, "removed", decided_on=listed, removal_on=verified,
                             removed_on=min(today, verified + timedelta(days=rng.randint(1, 4))))
            else:
                self.listing(p, proposed, "listed", decided_on=proposed + timedelta(days=rng.randint(2, 10)))
        return {p.organization_id for p in found}

    # -- complaints, interviews, penalties ----------------------------------------------------------------------------
    def enforcement(self, taken: set[str]) -> None:
        """A year of complaints, interviews and penalties, none about an organization listed for its reports."""
        rng, today, s = self.rng, self.today, self.session
        orgs = sorted(set(s.scalars(select(Organization.id).where(
            Organization.registry_code == self.office, Organization.tier == "registered",
            Organization.status.in_(LIVE_STATUSES), Organization.deleted_at.is_(None)))) - taken)
        if len(orgs) < 8:
            return
        size = len(orgs) + len(taken)
        reply_days = int(parameters.value_in(s, self.office, "complaint.reply_days"))
        appeal_days = int(parameters.value_in(s, self.office, "penalty.appeal_days"))
        pool = rng.sample(orgs, min(len(orgs), 8 + size // 25))
        # a year of complaints, the latest received first in the list a clerk sees
        count = max(8, size // 20)
        complaint_ids = []
        for n in range(count):
            received = today - timedelta(days=(365 * n) // count + rng.randint(0, 6))
            if n == 0:
                received = today - timedelta(days=rng.randint(0, 2))
            age = (today - received).days
            state = ("received" if age < 5 else "assigned" if age < 45 or n % 7 == 3 or n == count // 3
                     else "replied")
            org_id = pool[n % len(pool)] if n % 6 != 5 else None
            cid = demo_id("complaint", self.office, n)
            complaint_ids.append((cid, org_id, received))
            self.add(Complaint, {
                "id": cid, "office_code": self.office, "received_on": received,
                "channel": complaints.CHANNELS[n % len(complaints.CHANNELS)], "organization_id": org_id,
                "subject_name": None if org_id else UNREGISTERED[n % len(UNREGISTERED)],
                "content": COMPLAINTS[n % len(COMPLAINTS)], "state": state,
                "assigned_to": CLERK if state != "received" else None,
                "due_on": received + timedelta(days=reply_days) if state != "received" else None,
                "finding": FINDINGS[n % len(FINDINGS)] if state == "replied" else None,
                "replied_on": min(today, received + timedelta(days=rng.randint(10, 55))) if state == "replied"
                else None, "spotcheck_item_id": None, "entered_by": CLERK})
            if self.own:
                anonymous = n % 5 == 4
                self.add(ComplaintReporter, {
                    "id": demo_id("complaint_reporter", self.office, n), "complaint_id": cid,
                    "anonymous": anonymous, "name": None if anonymous else f"示例举报人{n + 1}",
                    "phone": None if anonymous else f"1380000{n + 1:04d}", "address": None})
        # the complaint that led to an interview and a warning: an older one about a registered organization
        source = next(c for c in complaint_ids[len(complaint_ids) // 2:] if c[1] is not None)
        interviews = []
        for n in range(max(2, size // 60)):
            org_id = source[1] if n == 0 else pool[-1 - n]
            held = (source[2] + timedelta(days=rng.randint(5, 15)) if n == 0
                    else today - timedelta(days=rng.randint(5, 300)))
            rectify_by = held + timedelta(days=30)
            iid = demo_id("interview", self.office, n)
            interviews.append((iid, held))
            self.add(Interview, {
                "id": iid, "organization_id": org_id, "office_code": self.office, "held_at": _at(held, 14),
                "place": PLACE, "participants": f"演示参加人员：组织负责人、{CLERK}", "issues": ISSUES[n % len(ISSUES)],
                "rectification": "限期整改并书面报告（演示）", "rectify_by": rectify_by,
                "outcome": "已按期整改（演示）" if rectify_by < today else None,
                "outcome_on": rectify_by if rectify_by < today else None,
                "complaint_id": source[0] if n == 0 else None, "entered_by": CLERK})
        # penalties: mostly warnings, a few small fines, a large one in a larger office, one suspension, one case
        # still under investigation; the first warning is the one the complaint and interview led to
        kinds = (["warning"] * max(3, size // 40) + ["fine"] * max(1, size // 150) + ["large"] * (size >= 100)
                 + ["suspension", "investigation"])
        punished = [source[1]] + [o for o in pool if o != source[1]][:len(kinds) - 1]
        for n, (kind, org_id) in enumerate(zip(kinds, punished, strict=False)):
            on = (interviews[0][1] + timedelta(days=rng.randint(10, 20)) if n == 0
                  else today - timedelta(days=rng.randint(15, 340)))
            on = min(on, today - timedelta(days=1))
            real = "fine" if kind == "large" else kind
            amount = (Decimal(rng.randint(60, 100) * 1000) if kind == "large"
                      else Decimal(rng.randint(2, 30) * 1000) if kind == "fine" else None)
            draft = kind == "investigation"
            self.add(Penalty, {
                "id": demo_id("penalty", self.office, n), "organization_id": org_id, "office_code": self.office,
                "case_no": f"演示罚〔{on.year}〕{n + 1}号", "kind": "warning" if draft else real,
                "state": "draft" if draft else "decided", "amount": amount,
                "suspended_from": on + timedelta(days=10) if kind == "suspension" else None,
                "suspended_to": on + timedelta(days=100) if kind == "suspension" else None,
                "facts": FACTS[kind if kind in FACTS else "fine"], "basis": BASIS,
                "decision_no": None if draft else f"演示罚决〔{on.year}〕{n + 1}号",
                "decided_on": None if draft else on,
                "appeal_by": None if draft else on + timedelta(days=appeal_days),
                "complaint_id": source[0] if n == 0 else None, "interview_id": interviews[0][0] if n == 0 else None,
                "filing_id": None, "entered_by": CLERK, "decided_by": None if draft else REVIEWER, "reason": None})

    def penalty_listings(self, rules: credit.EngineRules) -> None:
        """The listings the engine proposed the day each penalty was decided; a warning's removed six months on."""
        rng, today = self.rng, self.today
        decided = [Penalty(**r) for r in self.rows.get(Penalty, []) if r["state"] == "decided"]
        days = {p.id: p.decided_on for p in decided}
        by_org: dict[str, list[Penalty]] = {}
        for penalty in decided:
            by_org.setdefault(penalty.organization_id, []).append(penalty)
        found = [f for org_id, ps in sorted(by_org.items()) for f in credit.penalty_proposals(rules, org_id, ps, today)]
        for p in found:
            on = days.get(p.source_id)
            if on is None:
                continue
            listed = min(today, on + timedelta(days=rng.randint(2, 10)))
            due = credit.add_months(listed, 6)
            if p.ground == "warning_or_small_fine" and due <= today:
                self.listing(p, on, "removed", decided_on=listed, removal_on=due, removal="six_months",
                             removed_on=min(today, due + timedelta(days=rng.randint(0, 5))))
            else:
                self.listing(p, on, "listed", decided_on=listed)

    def objection(self) -> None:
        """An objection to one current listing, received two days ago: it waits for the reviewer."""
        listed = [r for r in self.rows.get(CreditListing, []) if r["state"] == "listed"]
        if not listed:
            return
        row = listed[len(listed) // 2]
        self.add(CreditObjection, {
            "id": demo_id("credit_objection", row["id"]), "listing_id": row["id"],
            "received_on": max(row["listed_on"], self.today - timedelta(days=2)),
            "content": "演示异议：已于期限内报送年度工作报告，请求核实", "state": "received", "decision": None,
            "reply": None, "decided_on": None, "entered_by": CLERK, "decided_by": None})
        self.add(CreditEvent, {"id": demo_id("credit_event", row["id"], "object"), "listing_id": row["id"],
                               "action": "object", "from_state": "listed", "to_state": "listed", "actor": CLERK,
                               "at": _at(self.today, 8), "comment": None})


def load(session: Session, offices: list[tuple[str, str]], now: datetime) -> CreditCounts:
    """Insert the credit demo of ``offices`` ((code, level) pairs, the database's own first) in the caller's unit
    of work, after the inspections it reads are in."""
    own = offices[0][0] if offices else ""
    built = []
    for code, _ in sorted(offices):
        office = _Office(session, code, code == own, now)
        rules = credit.read_rules(session, code)
        office.missing_reports(credit.missing_report_proposals(session, rules, office.today))
        office.enforcement({r["organization_id"] for r in office.rows.get(CreditListing, [])})
        office.penalty_listings(rules)
        office.objection()
        built.append(office)
    insert_rows(session, [(table_of(m), [r for o in built for r in o.rows.get(m, [])])
                          for m in (Complaint, ComplaintReporter, Interview, Penalty, CreditListing, CreditEvent,
                                    CreditObjection)])

    def count(model: Any) -> int:
        return sum(len(o.rows.get(model, [])) for o in built)

    return CreditCounts(count(CreditListing), count(Penalty), count(Interview), count(Complaint))
