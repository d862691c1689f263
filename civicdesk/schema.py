"""The database's shape as plain constants: the migrations this program knows, the register's sort keys, the
statuses of a live organization, the columns of a register row, the dictionaries its labels use and the
longest search query.

They live here, at the top of the package and importing only the standard library, because three places need
the same values and none may import the others: the models (``civicdesk.models.register`` builds the sort
indexes from :data:`SORT_KEYS`; ``civicdesk.models`` may import only itself and these stdlib-only kernel modules,
tests/test_layers.py), the services (``browse`` queries with them), and the first paint
(``services/register/first_page.py``), which reads the register with ``sqlite3`` before SQLAlchemy is
imported and so cannot import ``civicdesk.models``, whose ``__init__`` loads SQLAlchemy.  One definition, no copies.

A migration script keeps its own frozen values instead (``0002_register_search.SORT_KEYS``): it records the schema
of its revision and must not follow a later change here.
"""

from __future__ import annotations

#: The migration ids in order (the scripts in ``civicdesk/models/migrations/versions``; a test checks them
#: against Alembic's own view), so that opening an up-to-date database needs no Alembic at all.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009",
                              "0010", "0011", "0012", "0013", "0014", "0018", "0019", "0020", "0021")

#: The newest migration: a database at this revision needs no migration.
HEAD_REVISION = REVISIONS[-1]

#: Sort keys of the register table -> the columns of their ORDER BY.  Each gets a partial covering index
#: (``civicdesk.models.register.sort_indexes``); the name sort reads ``name_rank`` instead (see ``browse``).
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "name": ("name_pinyin", "name"),
    "uscc": ("uscc", "name"),
    "established_on": ("established_on", "name"),
    "division": ("division_code", "township_code", "name"),
    "legal_rep_name": ("legal_rep_name", "name"),
    "legal_form": ("legal_form", "name"),
    "tier": ("tier", "name"),
    "community_subtype": ("community_subtype", "name"),
    "category": ("category", "name"),
    "status": ("status", "name"),
}

#: The statuses of an organization that exists (the register's default filter).
LIVE_STATUSES = ("active", "suspended", "liquidating")

#: The dictionaries the register's labels, forms and filter bar use, in display order
#: (``services.register.lookups.dictionaries``).
DICTIONARY_KINDS = ("legal_form", "tier", "status", "category", "community_subtype", "registration_mode",
                    "foundation_type", "person_role", "entry_mode")

#: The ``organization`` columns of a register row, in the order of ``services.register.plain.RegisterRow``'s
#: fields (a test keeps the two in step).
ROW_COLUMNS = ("seq", "id", "name", "uscc", "legal_form", "tier", "is_community", "community_subtype", "category",
               "status", "division_code", "township_code", "community_code", "registry_name", "legal_rep_name",
               "established_on", "address", "contact_phone", "origin_office", "inspection_year",
               "inspection_conclusion", "rating_grade", "rating_valid_to", "credit_list")

#: The register filter's choices for the annual inspection (of the year before the program's today) and the
#: rating (in force on the program's today): ``RegisterFilter.inspection`` / ``RegisterFilter.rating``.
INSPECTION_CHOICES = ("pass", "basic", "fail", "none")
RATING_GRADES = ("5A", "4A", "3A", "2A", "1A")
RATING_CHOICES = ("rated", *RATING_GRADES, "none")
#: the register filter's choices for the credit lists (the list an organization is on now):
#: ``RegisterFilter.credit``; "listed" is either list, "none" neither
CREDIT_CHOICES = ("abnormal", "serious", "listed", "none")

#: The longest search query, in characters (``services.register.search`` refuses a longer one; the CLI's help
#: says it): far beyond a name or an address, far below SQLite's limits (a 50,000-character query failed with
#: "LIKE or GLOB pattern too complex").
MAX_QUERY = 200
