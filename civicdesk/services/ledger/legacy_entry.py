"""A ledger's new rows entered into the register in bulk (legacy entry: an administrator digitizing the office's
paper records), writing what the ORM's flush writes for the same rows, without a Python object per row.

Through the ORM a 100,000-row ledger spent about three quarters of its time in the flush's listeners (the
history capture reading every attribute of every new object, the change log, the audit trail) and in the
unit of work itself: about 2 ms a row.  Here the same rows go in as column dicts:

- each row completed as the ORM completes a new object (``history._apply_defaults``: scalar and per-row
  defaults, the id; ``base.bump_versions``: origin office, version 1, the version vector), then its pinyin, seq
  and name rank (``search.prepare_rows``, which the sync import and the demo use);
- the organizations, then their people, by ``bulk.insert_rows`` (which writes each synced row's change log
  as ``models.sync.record_changes`` does for an ORM insert);
- the search index (``search.index_rows``);
- one ``data.insert`` audit entry a row, with the fields ``models.audit.record_changes`` gives an ORM insert
  (every value not null or empty, as JSON, personal numbers masked), in the order the ORM path wrote them:
  each chunk's organizations, then their people.

On PostgreSQL a ledger's rows are written part by part while the rest is judged (:class:`Load`,
``importer._import_overlapped``): the same rows, change log, search index and audit entries; into an empty
search table the grams go in at the end, in the order of its key (:meth:`Load.finish`).

``tests/services/test_ledger_legacy_bulk.py`` imports the same ledger both ways (and in parts on the server) and
compares the rows, the people, the change log, the audit entries and the search index.
"""

from __future__ import annotations

import queue
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from civicdesk.models import Organization, OrgPerson
from civicdesk.models import audit as audit_model
from civicdesk.models.base import table_of
from civicdesk.models.history import BOOKKEEPING, json_value
from civicdesk.services.core.bulk import insert_rows
from civicdesk.services.core.overlap import Writer
from civicdesk.services.register import search

#: Rows a flush of the ORM path held (its audit entries come in this order: a chunk's organizations, then
#: their people).
CHUNK = 500
_PLAIN = frozenset({str, int, bool, float})


def add_rows(session: Session, rows: Sequence[tuple[dict[str, Any], list[dict[str, Any]]]], office_code: str,
             progress: Callable[[int, int], None] | None = None, total: int = 0) -> None:
    """Insert ``rows`` (each an organization's values and its people's) as new register records entered by
    import (``entry_mode`` import) at ``office_code``, in the caller's unit of work.  The dicts are completed in
    place (every column) and inserted as they are: the caller does not use them again."""
    org_table, person_table = table_of(Organization), table_of(OrgPerson)
    org_defaults, person_defaults = _defaults(org_table), _defaults(person_table)
    orgs: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    chunks: list[tuple[int, int, int, int]] = []  # (first org, end, first person, end) of each ORM flush
    for start in range(0, len(rows), CHUNK):
        first_person = len(people)
        _complete(rows[start:start + CHUNK], office_code, org_defaults, person_defaults, orgs, people)
        chunks.append((start, len(orgs), first_person, len(people)))
    # the audit entries hold the values the flush's capture saw: before the search columns (seq, pinyin, rank);
    # written a chunk at a time (held whole, 100,000 rows' entries took about 2 GB)
    org_audit, person_audit = _Audit(org_table, Organization), _Audit(person_table, OrgPerson)
    note = session.info.get("audit_note")
    for o0, o1, p0, p1 in chunks:
        audit_model.append(session, [*(org_audit.entry(row, note) for row in orgs[o0:o1]),
                                     *(person_audit.entry(row, note) for row in people[p0:p1])])
    search.prepare_rows(session, orgs)
    # bulk.insert_rows completes the version bookkeeping (origin office, version, vector) as bump_versions does
    insert_rows(session, [(org_table, orgs), (person_table, people)],
                progress=(lambda done, _all: progress(min(done, len(orgs)), total or len(orgs)))
                if progress is not None else None)
    search.index_rows(session, orgs)


class Load:
    """New rows entered in parts while the rest of the ledger is still being judged (PostgreSQL: the server
    writes one part while the program judges the next, ``overlap.Writer``).  The rows, people, change log,
    search index and audit entries are those of :func:`add_rows`; the search ranks are placed part by part
    among the rows already written (other numbers, the same order).

    :meth:`take` in the caller, part by part: the rows completed, their audit entries chained, their pinyin (and
    their search grams, unless they wait for the end); :meth:`write` of what it gives on the unit's writer;
    :meth:`finish` once, after the last part was given, in the caller: the search index's end, by the writer,
    waited for."""

    def __init__(self, session: Session, office_code: str) -> None:
        self.session, self.office_code = session, office_code
        self.org_table, self.person_table = table_of(Organization), table_of(OrgPerson)
        self.org_defaults, self.person_defaults = _defaults(self.org_table), _defaults(self.person_table)
        self.note = session.info.get("audit_note")
        self.org_audit, self.person_audit = _Audit(self.org_table, Organization), _Audit(self.person_table, OrgPerson)
        audit_model.hold_head(session)  # the parts' entries are chained in the caller, written by the writer
        self.grams_made = session.get_bind().dialect.name == "postgresql"  # SQLite's index rows: in index_rows
        #: whether org_gram's key is dropped, its grams going in at the end (search.begin_load): decided by the
        #: first write
        self.keyless: bool | None = None
        self.orgs: list[dict[str, Any]] = []
        self.grams: list[set[str]] = []
        #: a load into an empty search table (keyless, as the first write will find it: the unit holds the
        #: writer lock): the grams wait for the end, made and gathered by the caller in the key's order, with
        #: their counts (:meth:`finish`)
        self.at_end = self.grams_made and search.grams_empty(session)
        #: the live counts of the grams (None: counted again from the table at the end)
        self.counts: Counter[str] | None = None
        #: parts taken (each is written once); the writer hands each written part here once its rows have their
        #: ranks: its rows when their grams wait for the end, else None
        self.taken = 0
        self.ranked: queue.Queue[Any] = queue.Queue()  # a part's rows, None, or the mark of a failed writer

    def take(self, rows: Sequence[tuple[dict[str, Any], list[dict[str, Any]]]]) -> Part:
        """The part's rows completed (:func:`add_rows`), their audit entries (in :func:`add_rows`'s order: a
        chunk's organizations, then their people) chained, their pinyin and search grams: for :meth:`write`."""
        orgs: list[dict[str, Any]] = []
        people: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        for start in range(0, len(rows), CHUNK):
            first_org, first_person = len(orgs), len(people)
            _complete(rows[start:start + CHUNK], self.office_code, self.org_defaults, self.person_defaults, orgs,
                      people)
            # before the search columns, as the flush's capture saw them
            entries.extend(self.org_audit.entry(row, self.note) for row in orgs[first_org:])
            entries.extend(self.person_audit.entry(row, self.note) for row in people[first_person:])
        for org in orgs:
            if org.get("name_pinyin") is None or org.get("name_initials") is None:
                org["name_pinyin"], org["name_initials"] = search.pinyin(org["name"])
        grams = search.gram_sets(orgs) if self.grams_made and not self.at_end else []
        self.orgs.extend(orgs)
        self.taken += 1
        return Part(orgs, people, grams, audit_model.chained(self.session, entries))

    def write(self, part: Part) -> None:
        """The part's seq and rank (among the rows written before), its rows, people, change log, audit entries
        and search grams (those that do not wait for the end)."""
        if self.keyless is None:
            self.keyless = search.begin_load(self.session)
        search.prepare_rows(self.session, part.orgs)
        # into an empty org_gram (its key dropped), the grams go in at the end, in the key's order (finish)
        self.ranked.put(part.orgs if self.keyless else None)
        insert_rows(self.session, [(self.org_table, part.orgs), (self.person_table, part.people)])
        audit_model.insert_chained(self.session, part.audit)
        if not self.keyless and self.grams_made:  # made here when take() left them for the end after all
            self.grams.extend(search.gram_sets(part.orgs) if self.at_end else part.grams)

    def finish(self, writer: Writer) -> None:
        """After the last part was given: the grams that waited for the end, made and gathered here in the key's
        order from each part as soon as the writer has placed its rows (:meth:`_gather`, while the writer
        writes the parts that remain), then copied by the writer once it has written them, as they are made
        here; then the search index's key and counts (or every part's grams), by ``writer``; returns when they
        are written."""
        gathered = self._gather(writer)
        if gathered is not None:
            if all(search.indexed(org) for org in self.orgs):  # else counted again from the table
                self.counts = Counter(gathered.counts())
            chunks: queue.Queue[bytes | None] = queue.Queue()
            writer.submit(search.load_ordered_grams, self.session, iter(chunks.get, None))
            try:
                for chunk in gathered.chunks():
                    chunks.put(chunk)
            finally:
                chunks.put(None)  # the copy ends (and, were this thread failing, the unit then rolls back)
        writer.drain()
        if self.keyless:
            writer.submit(search.end_load, self.session, self.counts)
        elif self.orgs:
            writer.submit(search.index_rows, self.session, self.orgs, self.grams if self.grams_made else None)
        writer.drain()

    def _gather(self, writer: Writer) -> search.GramRows | None:
        """The grams of the parts whose grams wait for the end (:meth:`write`), made and gathered as the writer
        hands the parts; None when it handed none, or failed (told by :meth:`Writer.on_failure`: then
        :meth:`Writer.drain` raises its failure)."""
        failed = object()
        writer.on_failure(lambda: self.ranked.put(failed))  # (set before the parts are waited for, then checked)
        if writer.failed():
            return None
        rows: search.GramRows | None = None
        handed = 0
        while handed < self.taken:
            part = self.ranked.get()
            if part is failed:
                return None
            handed += 1
            if part is None:
                continue
            rows = rows or search.GramRows(ascending=False)  # a part's ranks fall between the parts' before
            # each part's in rank order: a gram's ranks are then a run a part, which their sort merges
            for org in sorted((org for org in part if search.indexed(org)), key=lambda org: org["name_rank"]):
                rows.add(search.gram_set(org), org.get("status") in search.LIVE, org["name_rank"])
        return rows


@dataclass
class Part:
    """A part of a :class:`Load`, as :meth:`Load.take` gives it to :meth:`Load.write`."""

    orgs: list[dict[str, Any]]
    people: list[dict[str, Any]]
    #: the search grams of ``orgs`` (empty: they wait for the end, or SQLite's are made by index_rows)
    grams: list[set[str]]
    audit: list[tuple[Any, ...]]


def _complete(rows: Sequence[tuple[dict[str, Any], list[dict[str, Any]]]], office_code: str,
              org_defaults: tuple[dict[str, None], list[tuple[str, Any, bool]]],
              person_defaults: tuple[dict[str, None], list[tuple[str, Any, bool]]],
              orgs: list[dict[str, Any]], people: list[dict[str, Any]]) -> None:
    """Complete ``rows`` in place as new records entered by import at ``office_code`` (every column, the
    defaults, the representative's name, the people's organization) and append them to ``orgs`` and ``people``."""
    for values, persons in rows:
        reps = [p["name"] for p in persons if p.get("role") == "legal_representative"]
        values.update(entry_mode="import", origin_office=office_code, legal_rep_name=reps[0] if reps else None)
        org = _completed(values, org_defaults)
        orgs.append(org)
        for p in persons:
            p.update(organization_id=org["id"], origin_office=office_code)
            people.append(_completed(p, person_defaults))


def _defaults(table: Table) -> tuple[dict[str, None], list[tuple[str, Any, bool]]]:
    """Every column (as None: the insert needs the same keys in every row), and (column, default, per row) of
    each column with a default, as ``history._apply_defaults`` gives them."""
    out = []
    for column in table.columns:
        default: Any = column.default
        if default is None:
            continue
        if default.is_scalar:
            out.append((column.key, default.arg, False))
        elif default.is_callable:
            out.append((column.key, default.arg, True))
    return dict.fromkeys(table.columns.keys()), out


def _completed(row: dict[str, Any], defaults: tuple[dict[str, None], list[tuple[str, Any, bool]]]) -> dict[str, Any]:
    """``row`` itself, completed in place (no second copy of every row beside the caller's)."""
    for key in defaults[0].keys() - row.keys():
        row[key] = None
    for key, default, per_row in defaults[1]:
        if row.get(key) is None:
            row[key] = default(None) if per_row else default
    return row


class _Audit:
    """The ``data.insert`` entry ``models.audit.record_changes`` writes for an ORM insert of a row of ``table``."""

    def __init__(self, table: Table, model: type) -> None:
        self.entity = table.name
        self.names = [c.key for c in table.columns if c.key not in BOOKKEEPING]
        self.masked = frozenset(getattr(model, "__audit_masked__", ()))
        self.hidden = frozenset(getattr(model, "__history_hidden__", ()))

    def entry(self, row: dict[str, Any], note: str | None) -> dict[str, Any]:
        """The entry, its details {"fields": {name: {"old": None, "new": value}}, "note"?} as canonical JSON
        (``audit.fields_details``: the encoder's very text, without a dict a field)."""
        fields: dict[str, tuple[None, Any]] = {}
        for key in self.names:
            value = row.get(key)
            if value is None or value == "":
                continue
            new = "***" if key in self.hidden else value if value.__class__ in _PLAIN else json_value(value)
            fields[key] = (None, audit_model._masked(new, key) if key in self.masked else new)
        return {"action": "data.insert", "entity": self.entity, "entity_id": str(row["id"]),
                "details_json": audit_model.fields_details(fields, {"note": note} if note else {})}
