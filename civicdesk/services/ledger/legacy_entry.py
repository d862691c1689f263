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
search table each part's pinyin, grams and counts are made by a worker process meanwhile (``search.made_grams``).

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

    :meth:`take` in the caller, part by part: the rows completed, their audit entries chained, their search grams;
    :meth:`write` of what it gives on the unit's writer; :meth:`finish` once, after the last part was given, in
    the caller: the search index's end, by the writer, waited for."""

    def __init__(self, session: Session, office_code: str) -> None:
        self.session, self.office_code = session, office_code
        self.org_table, self.person_table = table_of(Organization), table_of(OrgPerson)
        self.org_defaults, self.person_defaults = _defaults(self.org_table), _defaults(self.person_table)
        self.note = session.info.get("audit_note")
        self.org_audit, self.person_audit = _Audit(self.org_table, Organization), _Audit(self.person_table, OrgPerson)
        audit_model.hold_head(session)  # the parts' entries are chained in the caller, written by the writer
        self.grams_made = session.get_bind().dialect.name == "postgresql"  # SQLite's index rows: in index_rows
        #: whether the search grams go in part by part, the key made at the end (search.begin_load): decided by
        #: the first write
        self.keyless: bool | None = None
        self.orgs: list[dict[str, Any]] = []
        self.grams: list[set[str]] = []
        #: a load into an empty search table (keyless, as the first write will find it: the unit holds the
        #: writer lock): each part's pinyin, grams and counts made by a worker process (search.made_grams),
        #: once :meth:`expect` started it
        self.apart = self.grams_made and search.grams_empty(session)
        self._worker: search.GramWorker | None = None
        #: the live counts of the grams the parts wrote, summed by the worker (None: a part's grams made here,
        #: or a row left for later: counted again from the table at the end)
        self.counts: Counter[str] | None = None
        #: parts taken (each is written once); the writer hands each written part here once its rows have their
        #: ranks: (rows, the worker's grams) when its grams wait for the end (:meth:`finish` writes every part's
        #: in the order of the key), else None
        self.taken = 0
        self.ranked: queue.Queue[tuple[list[dict[str, Any]], list[bytes | tuple[str, ...]]] | None] = queue.Queue()

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
        made: search.MadeLater | None = None
        grams: list[set[str]] = []
        if self._worker is not None:
            made = self._worker.submit(orgs)
        else:
            for org in orgs:
                if org.get("name_pinyin") is None or org.get("name_initials") is None:
                    org["name_pinyin"], org["name_initials"] = search.pinyin(org["name"])
            grams = search.gram_sets(orgs) if self.grams_made else []
        self.orgs.extend(orgs)
        self.taken += 1
        return Part(orgs, people, grams, audit_model.chained(self.session, entries), made)

    def expect(self) -> None:
        """Many rows will come (a worker process pays for its start): the worker process is started now, ready
        when the first part is taken, and makes the grams of the parts taken from now on."""
        if self.apart and self._worker is None and not self.orgs:
            self._worker = search.GramWorker()
            self.counts = Counter()

    def close(self) -> None:
        """End the worker process (after the last part, or when the load is given up: its tasks not started are
        dropped)."""
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def write(self, part: Part) -> None:
        """The part's seq and rank (among the rows written before), its rows, people, change log, audit entries
        and (into a keyless ``org_gram``) search grams."""
        if self.keyless is None:
            self.keyless = search.begin_load(self.session)
        made = part.made.result() if part.made is not None else None
        if made is not None:
            for org, given in zip(part.orgs, made.pinyin, strict=True):
                if given is not None:
                    org["name_pinyin"], org["name_initials"] = given
        search.prepare_rows(self.session, part.orgs)
        # into an empty org_gram, the worker's grams wait for the end, to go in in the key's order (finish)
        self.ranked.put((part.orgs, made.bodies) if made is not None and self.keyless else None)
        insert_rows(self.session, [(self.org_table, part.orgs), (self.person_table, part.people)])
        audit_model.insert_chained(self.session, part.audit)
        if made is not None and self.keyless:
            if self.counts is not None and all(search.indexed(org) for org in part.orgs):
                self.counts.update(made.counts)
            else:  # a row left for later (its rank's gap used up): counted again at the end
                self.counts = None
        elif made is not None:
            self.grams.extend(search.grams_of_bodies(made.bodies))
        elif self.keyless:
            search.load_grams(self.session, part.orgs, part.grams)
            self.counts = None  # nobody summed this part's: counted again at the end
        else:
            self.grams.extend(part.grams)

    def finish(self, writer: Writer) -> None:
        """After the last part was given: the grams that waited for the end, in the key's order (gathered here
        from each part as soon as the writer has placed its rows, while it writes them: the last part's while
        the server indexes its rows), then the search index's key and counts (or every part's grams), by
        ``writer``; returns when they are written."""
        ordered = self._ordered_grams(writer)
        if ordered is not None:  # copied by the writer as they are made here, once it has written the parts
            chunks: queue.Queue[bytes | None] = queue.Queue()
            writer.submit(search.load_ordered_grams, self.session, iter(chunks.get, None))
            try:
                for chunk in ordered.chunks():
                    chunks.put(chunk)
            finally:
                chunks.put(None)  # the copy ends (and, were this thread failing, the unit then rolls back)
        writer.drain()
        if self.keyless:
            writer.submit(search.end_load, self.session, self.counts)
        elif self.orgs:
            writer.submit(search.index_rows, self.session, self.orgs, self.grams if self.grams_made else None)
        self.close()  # the worker process ends while the server works
        writer.drain()

    def _ordered_grams(self, writer: Writer) -> search.GramRows | None:
        """The grams of the parts that the writer handed for the end (:meth:`write`), gathered as it hands them;
        None when it handed none (or failed: :meth:`Writer.drain` then raises its failure)."""
        rows: search.GramRows | None = None
        handed = 0
        while handed < self.taken:
            try:
                part = self.ranked.get(timeout=0.05)
            except queue.Empty:
                if writer.failed():
                    return None
                continue
            handed += 1
            if part is None:
                continue
            rows = rows or search.GramRows(ascending=False)  # a part's ranks fall between the parts' before
            # each part's in rank order: a gram's ranks are then a run a part, which their sort merges
            for org, body in sorted(((org, body) for org, body in zip(*part, strict=True)
                                     if body and search.indexed(org)), key=lambda pair: pair[0]["name_rank"]):
                rows.add(body.decode().split("\n") if isinstance(body, bytes) else body,
                         org.get("status") in search.LIVE, org["name_rank"])
        return rows


@dataclass
class Part:
    """A part of a :class:`Load`, as :meth:`Load.take` gives it to :meth:`Load.write`."""

    orgs: list[dict[str, Any]]
    people: list[dict[str, Any]]
    grams: list[set[str]]
    audit: list[tuple[Any, ...]]
    #: the pinyin and grams of ``orgs``, being made by the load's worker process (then ``grams`` is empty)
    made: search.MadeLater | None = None


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
