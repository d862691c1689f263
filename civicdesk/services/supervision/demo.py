"""Invented supervision records for the demo register (marked as demo: every actor is ``demo_clerk`` or
``demo_reviewer``, every id a demo id): what an office that used CivicDesk in 2020 and 2021 would hold.

Per office (a district its own; the city every office's, or only its own with ``own_only``):

- the annual inspections of 2019 (closed) and 2020 (still open, so that a clerk can record one more report):
  of the organizations due by the campaign's own rule (:func:`inspection.due_select`), between 90% and 96%
  reported (the range offices publish), a few late; conclusions mostly 合格, some 基本合格, a few 不合格 with
  their reasons; every report decided but two of 2020 per office, which wait for a reviewer;
- ratings for about one in ten registered organizations that passed both years, decided within the validity
  (five years by default) counted back from the program's today, so that the register shows them in force on
  the day the demo is loaded: most in the years before today, and one in six whose validity ends within the next
  90 days (the due panel's 即将到期); the dates are deterministic for a given day;
- a roster of six inspectors and one completed spot-check plan of 2020 at the office's legal minimum ratio,
  drawn by the program's own draw from a seed recorded on the plan, so that ``spotcheck verify`` repeats it.

Everything is built from one seed per office, so a district and the city hold the same rows with the same ids,
and goes in by the bulk path (with its change-log rows) in the demo's unit of work.
"""

from __future__ import annotations

import hashlib
import math
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.models import (InspectionCampaign, InspectionEvent, InspectionRecord, Inspector, Organization,
                              RatingApplication, RatingEvent, SpotcheckItem, SpotcheckPlan, table_of)
from civicdesk.services.core.bulk import insert_rows
from civicdesk.services.supervision import inspection, parameters, profile, rating, spotcheck
from civicdesk.services.supervision import demo_credit

SEED = 20210820
NAMESPACE = uuid.UUID("2f8d1c0e-7a4b-4e21-9b3c-5d6e7f802021")
YEARS = (2019, 2020)
CLERK, REVIEWER = "demo_clerk", "demo_reviewer"
REASONS_BASIC = ("财务管理制度不够健全", "未按章程按期召开会员大会", "年度工作报告填报不完整", "内部管理制度不完善")
REASONS_FAIL = ("未按规定开展活动且财务管理混乱", "连续一年以上未开展业务活动", "未按时办理变更登记且拒不整改")
INSPECTOR_NAMES = ("王建华", "李晓梅", "张国强", "刘芳", "陈志明", "杨丽")
FINDINGS_RECTIFY = ("财务票据不规范，要求限期整改", "未按规定进行信息公开，要求限期整改")


def demo_id(kind: str, *parts: Any) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(["leshan-demo-supervision", kind, *map(str, parts)])))


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour)


@dataclass(frozen=True)
class SupervisionCounts:
    campaigns: int
    records: int
    ratings: int
    spotchecks: int
    credit: demo_credit.CreditCounts  # listings, penalties, interviews, complaints


class _Office:
    """The rows of one office, built in a fixed order from the office's own seed."""

    def __init__(self, session: Session, office_code: str, level: str, now: datetime) -> None:
        self.session, self.office, self.level, self.now = session, office_code, level, now
        self.rng = random.Random(f"{SEED}-{office_code}")
        self.rows: dict[Any, list[dict[str, Any]]] = {}
        self.cache: dict[Any, Any] = {}

    # the rules of a legal form and year are the same for every organization of the office: read once (a few
    # queries each), not once per rating
    def _validity(self, legal_form: str | None, year: int) -> int:
        key = ("validity", legal_form, year)
        if key not in self.cache:
            self.cache[key] = int(parameters.value_in(self.session, self.office, "rating.validity_years",
                                                      legal_form=legal_form, year=year))
        return int(self.cache[key])

    def _rules(self, legal_form: str | None, year: int) -> dict[str, Any]:
        key = ("rules", legal_form, year)
        if key not in self.cache:
            self.cache[key] = rating.application_rules(self.session, self.office, legal_form, year)
        return dict(self.cache[key])

    def add(self, model: Any, row: dict[str, Any]) -> None:
        self.rows.setdefault(model, []).append({"origin_office": self.office, "created_at": self.now,
                                                "updated_at": self.now, **row})

    # -- annual inspection -------------------------------------------------------------------------------------
    def inspections(self) -> dict[int, dict[str, str]]:
        """Campaigns, records and their events; returns year -> {organization id: conclusion} of decided ones."""
        rng = self.rng
        decided: dict[int, dict[str, str]] = {}
        for year in YEARS:
            rules = inspection.campaign_rules(self.session, self.office, year)
            cid = demo_id("inspection_campaign", self.office, year)
            opened = date(year + 1, 1, 6)
            closed = year < YEARS[-1]
            self.add(InspectionCampaign, {
                "id": cid, "office_code": self.office, "year": year, "state": "closed" if closed else "open",
                "rules": rules, "opened_by": REVIEWER, "opened_at": _at(opened),
                "closed_by": REVIEWER if closed else None, "closed_at": _at(date(year + 1, 9, 30)) if closed else None,
                "note": "演示数据 (demo)"})
            info = inspection.CampaignInfo(cid, self.office, year, "open", rules, REVIEWER, _at(opened), None, None,
                                           None)
            due = sorted(self.session.execute(inspection.due_select(
                info, Organization.id, Organization.legal_form, Organization.name)).all())
            # decided over due (the 参检率) between 90% and 96%; of the open year, up to two more reports
            # received still wait for a reviewer, and at least one due organization has not reported
            share = 0.90 + rng.random() * 0.06
            target = min(len(due), max(math.ceil(len(due) * 0.9), math.floor(len(due) * share)))
            extra = 0 if closed else min(2, max(0, len(due) - target - 1))
            chosen = sorted(rng.sample(due, target + extra))
            waiting = {row[0] for row in rng.sample(chosen, extra)}
            decided[year] = {}
            for n, row in enumerate(chosen):
                org_id, legal_form = str(row[0]), (str(row[1]) if row[1] is not None else None)
                deadline = info.deadline(legal_form)
                late = rng.random() < 0.04
                received = (deadline + timedelta(days=rng.randint(1, 25)) if late
                            else max(deadline - timedelta(days=rng.randint(0, 100)), date(year + 1, 1, 4)))
                roll = rng.random()
                conclusion = "pass" if roll < 0.92 else "basic" if roll < 0.985 else "fail"
                reasons = (None if conclusion == "pass"
                           else rng.choice(REASONS_BASIC if conclusion == "basic" else REASONS_FAIL))
                is_decided = org_id not in waiting
                rid = demo_id("inspection_record", self.office, year, org_id)
                income = Decimal(rng.randint(2, 400) * 1000)
                submitted_on = received + timedelta(days=rng.randint(1, 10))
                decided_on = submitted_on + timedelta(days=rng.randint(5, 40))
                materials = [m["key"] for m in info.rules["materials"].get(legal_form or "*",
                                                                         info.rules["materials"]["*"])]
                self.add(InspectionRecord, {
                    "id": rid, "campaign_id": cid, "organization_id": org_id, "year": year,
                    "state": "decided" if is_decided else "submitted", "received_on": received, "late": late,
                    "materials": materials, "income": income,
                    "expenditure": (income * Decimal(rng.randint(70, 105)) / 100).quantize(Decimal("1")),
                    "net_assets": Decimal(rng.randint(1, 300) * 1000), "staff_count": rng.randint(1, 12),
                    "member_count": rng.randint(20, 400) if legal_form == "social_group" else None,
                    "activity_count": rng.randint(2, 30), "sponsor_opinion": None,
                    "conclusion": conclusion, "reasons": reasons,
                    "document_no": f"演示〔{year + 1}〕{n + 1}号" if is_decided else None,
                    "entered_by": CLERK, "submitted_by": CLERK, "submitted_at": _at(submitted_on),
                    "decided_by": REVIEWER if is_decided else None,
                    "decided_at": _at(decided_on) if is_decided else None})
                steps = [("record", None, "draft", received, CLERK), ("submit", "draft", "submitted", submitted_on,
                                                                          CLERK)]
                if is_decided:
                    steps.append(("decide", "submitted", "decided", decided_on, REVIEWER))
                    decided[year][org_id] = conclusion
                for action, before, after, on, actor in steps:
                    self.add(InspectionEvent, {"id": demo_id("inspection_event", rid, action), "record_id": rid,
                                               "action": action, "from_state": before, "to_state": after,
                                               "actor": actor, "at": _at(on), "comment": None})
        return decided

    # -- rating --------------------------------------------------------------------------------------------------
    def ratings(self, decided: dict[int, dict[str, str]]) -> None:
        rng = self.rng
        both = sorted(o for o, c in decided[YEARS[-1]].items() if c == "pass" and decided[YEARS[0]].get(o) == "pass")
        forms = dict(self.session.execute(select(Organization.id, Organization.legal_form)
                                          .where(Organization.id.in_(both))).all()) if both else {}
        # the decision dates, counted back from today, come from a stream of their own: the office's stream draws
        # what it drew before (which organizations, their scores, the application's lead time), so the spot
        # checks that follow it stay the same
        dates = random.Random(f"{SEED}-{self.office}-rating-dates")
        today = self.now.date()
        for org_id in sorted(rng.sample(both, round(len(both) * 0.13))):
            years = self._validity(forms.get(org_id), today.year)
            expiring = len(self.rows.get(RatingApplication, [])) % 6 == 0  # the first and every sixth after it
            decided_on = _decision_day(today, years, dates, expiring)
            rules = self._rules(forms.get(org_id), decided_on.year)
            parts = rules["parts"]
            aim = rng.choice((0.97, 0.9, 0.9, 0.8, 0.8, 0.8, 0.72))
            scores = {p["key"]: min(p["max"], round(p["max"] * min(1.0, aim + rng.uniform(-0.03, 0.03))))
                      for p in parts}
            total = sum(scores.values())
            grade = rating.grade_for(total, rules["bands"])
            if grade is None:
                continue
            # an evaluation round: applied for in spring, decided in the second half of the year
            spring = date(2021, rng.randint(3, 5), rng.randint(1, 28))
            applied = decided_on - (date(2021, rng.randint(7, 12), rng.randint(1, 28)) - spring)
            aid = demo_id("rating_application", self.office, org_id)
            self.add(RatingApplication, {
                "id": aid, "organization_id": org_id, "office_code": self.office, "year": applied.year,
                "state": "decided",
                "applied_on": applied, "rules": rules,
                "eligibility": [{"rule": r.name, "ok": True, "detail": "rating_detail.ok", "params": {}}
                                for r in rating.RULES],
                "scores": scores, "total": total, "grade": grade, "current_grade": grade,
                "decision_no": f"演示评〔{decided_on.year}〕{len(self.rows.get(RatingApplication, [])) + 1}号",
                "valid_from": decided_on, "valid_to": rating.valid_until(decided_on, rules["validity_years"]),
                "reason": None, "entered_by": CLERK, "submitted_by": CLERK, "decided_by": REVIEWER,
                "decided_at": _at(decided_on)})
            for action, before, after, on, actor in (("apply", None, "applied", applied, CLERK),
                                                      ("score", "applied", "scored", applied, CLERK),
                                                      ("submit", "scored", "submitted", applied, CLERK),
                                                      ("decide", "submitted", "decided", decided_on, REVIEWER)):
                self.add(RatingEvent, {"id": demo_id("rating_event", aid, action), "application_id": aid,
                                       "action": action, "from_state": before, "to_state": after, "actor": actor,
                                       "at": _at(on), "comment": grade if action == "decide" else None})

    # -- spot checks -----------------------------------------------------------------------------------------------
    def spotchecks(self) -> None:
        rng = self.rng
        roster = sorted(demo_id("inspector", self.office, n) for n in range(len(INSPECTOR_NAMES)))
        for n, name in enumerate(INSPECTOR_NAMES):
            self.add(Inspector, {"id": demo_id("inspector", self.office, n), "office_code": self.office,
                                 "name": name, "unit": "社会组织管理科", "username": None, "active": True,
                                 "conflicts": []})
        eligible = spotcheck.eligible_ids(self.session, self.office, {})
        if not eligible:
            return
        minimum = parameters.value_in(self.session, self.office, "spotcheck.min_ratio", year=2020)
        ratio = Decimal(str(minimum[parameters.office_level(self.level)]))
        per_check = int(parameters.value_in(self.session, self.office, "spotcheck.min_inspectors", year=2020))
        seed = hashlib.sha256(f"{SEED}-{self.office}-spotcheck-2020".encode()).hexdigest()[:32]
        made = spotcheck.new_draw(seed, eligible, ratio, roster, per_check, {})
        pid = demo_id("spotcheck_plan", self.office, 2020)
        drawn_on = date(2020, 8, rng.randint(3, 20))
        self.add(SpotcheckPlan, {
            "id": pid, "office_code": self.office, "year": 2020, "kind": "regular", "ratio": ratio, "filters": {},
            "title": "2020年度社会组织双随机抽查（演示）", "state": "completed", "inspectors_per_check": per_check,
            "created_by": REVIEWER, "method": spotcheck.METHOD, "seed": made.seed, "eligible_count": len(eligible),
            "drawn_count": len(made.result.organization_ids), "snapshot": made.snapshot,
            "snapshot_sha256": made.snapshot_sha256, "inspector_ids": roster, "exclusions": made.exclusions,
            "drawn_by": REVIEWER, "drawn_at": _at(drawn_on)})
        for position, (org_id, team) in enumerate(zip(made.result.organization_ids, made.result.inspector_ids,
                                                      strict=True), start=1):
            checked = drawn_on + timedelta(days=rng.randint(20, 60))
            roll = rng.random()
            result = "clear" if roll < 0.85 else "rectify" if roll < 0.97 else "refer"
            self.add(SpotcheckItem, {
                "id": demo_id("spotcheck_item", pid, position), "plan_id": pid, "organization_id": org_id,
                "position": position, "inspector_ids": team, "notice_on": checked - timedelta(days=7),
                "checked_on": checked,
                "findings": rng.choice(FINDINGS_RECTIFY) if result == "rectify" else
                ("发现涉嫌违法线索，移交执法" if result == "refer" else "未发现问题"),
                "result": result, "rectify_by": checked + timedelta(days=30) if result == "rectify" else None,
                "rectified_on": checked + timedelta(days=rng.randint(5, 28)) if result == "rectify" else None,
                "published_on": date(2020, 12, 20), "recorded_by": CLERK})


def _decision_day(today: date, years: int, dates: random.Random, expiring: bool) -> date:
    """A rating's decision day such that it is in force on ``today`` (validity ``years``): one whose validity ends
    10 to 80 days after ``today`` when ``expiring``, else one of the ``years - 1`` years before ``today``."""
    if expiring:
        try:
            start = today.replace(year=today.year - years)
        except ValueError:  # 29 February: the same day ``years`` back is the 28th
            start = date(today.year - years, 2, 28)
        return start + timedelta(days=dates.randint(10, 80))
    return today - timedelta(days=dates.randint(30, max(31, 365 * (years - 1))))


def load(session: Session, offices: list[tuple[str, str]], now: datetime) -> SupervisionCounts:
    """Insert the supervision demo of ``offices`` ((code, level) pairs) in the caller's unit of work, then
    derive the register's supervision columns."""
    built = []
    for code, level in sorted(offices):
        office = _Office(session, code, level, now)
        office.ratings(office.inspections())
        office.spotchecks()
        built.append(office)
    order = (InspectionCampaign, InspectionRecord, InspectionEvent, RatingApplication, RatingEvent, Inspector,
             SpotcheckPlan, SpotcheckItem)
    insert_rows(session, [(table_of(model), [r for o in built for r in o.rows.get(model, [])]) for model in order])
    credited = demo_credit.load(session, offices, now)  # credit lists, penalties, interviews, complaints
    profile.refresh_summary(session)  # after the listings: the register's credit_list follows them

    def count(model: Any) -> int:
        return sum(len(o.rows.get(model, [])) for o in built)

    return SupervisionCounts(count(InspectionCampaign), count(InspectionRecord), count(RatingApplication),
                             count(SpotcheckItem), credited)
