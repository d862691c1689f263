"""The ``register`` document kind: the register of organizations (see :mod:`.register`)."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk.services.register.browse import RegisterFilter
from civicdesk.services.core.database import Database
from civicdesk.services.printing import register as reg
from civicdesk.services.printing.documents import DocumentKind, PrintJob, register_kind
from civicdesk.services.printing.layout import DocInfo


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    """The filters of ``org list``, plus category and grouping."""
    p.add_argument("--division", help="区划代码：县、乡镇或村（社区）")
    p.add_argument("--tier", choices=("registered", "filed", "guided"))
    p.add_argument("--legal-form", choices=("social_group", "social_service", "foundation"))
    p.add_argument("--category", help="行业类别代码，如 charity")
    p.add_argument("--subtype", help="社区社会组织类别代码，如 elderly_association")
    p.add_argument("--status", help="状态代码，如 active、deregistered")
    p.add_argument("--all", action="store_true", help="包括已注销、已撤销的组织")
    p.add_argument("--search", default="", help="检索词（同主窗口检索框）")
    p.add_argument("--group", default="legal_form", choices=reg.GROUPS,
                   help="分组：组织类型、乡镇（街道）、县区或不分组")


def options_from_args(ns: argparse.Namespace) -> reg.RegisterOptions:
    status = ns.status or (None if ns.all else "live")
    flt = RegisterFilter(text=ns.search or "", legal_form=ns.legal_form, tier=ns.tier, category=ns.category,
                         community_subtype=ns.subtype, status=status)
    return reg.RegisterOptions(filter=flt, division=ns.division, group_by=ns.group)


def _title(db: Database, options: reg.RegisterOptions) -> str:
    return options.title or reg.scope_title(db, options)


def _write(job: PrintJob, options: reg.RegisterOptions, info: DocInfo) -> dict[str, Any]:
    job.progress.total = max(reg.count_rows(job.db, options), 1)
    return reg.write_register(job.db, job.path, options, job.fonts, info, job.progress)


KIND = register_kind(DocumentKind(
    name="register", label="社会组织名录", options_from_args=options_from_args, add_arguments=add_filter_arguments,
    title=_title, size=reg.count_rows, write=_write, order=10,
))
