"""The office the enforcement tests work in: the empty office's database at the clock fixture's day (2026-11-28),
one registered social group, and five accounts (an administrator, two clerks, two reviewers)."""

from __future__ import annotations

from typing import Any

import pytest

from civicdesk.services.admin import auth
from civicdesk.services.register import organizations
from tests.factories import social_group
from tests.helpers.db import digest


@pytest.fixture
def office(db: Any, clock: Any) -> dict[str, Any]:
    org = organizations.add_organization(db, social_group())
    admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
    return {
        "db": db, "org": org.id, "org_name": org.name, "admin": admin, "clock": clock,
        "clerk": auth.create_user(db, "clerk1", "a-long-password-2", "clerk", by=admin),
        "clerk2": auth.create_user(db, "clerk2", "a-long-password-5", "clerk", by=admin),
        "rev1": auth.create_user(db, "rev1", "a-long-password-3", "reviewer", by=admin),
        "rev2": auth.create_user(db, "rev2", "a-long-password-4", "reviewer", by=admin),
    }


def data(db: Any) -> Any:
    """The database's digest without the audit trail (a refusal is itself audited)."""
    return digest(db.path, without=("audit_entry",))


def audited(office: dict[str, Any], action: str) -> list[Any]:
    """The audit entries of ``action``, newest first (read by the administrator)."""
    from civicdesk.services.admin import audit

    return audit.entries(office["db"], action=action, by=office["admin"])
