"""Issue 14: the CLI's JSON inputs driven with hypothesis.  Whatever a file holds, ``org add --json-file`` and
``filing new --json-file`` either succeed (and write) or refuse in one line with exit code 2 and the database
unchanged.  The default run tries a few dozen files; ``-m slow`` tries many more."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicdesk.app import main
from civicdesk.services.register import records
from tests.helpers.db import digest
from tests.factories import social_group

scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["yes", "是", "1e308", "1e20", "-0", "2021-02-30", "99999999999999999999", "\t=1+1", "0x10",
                     "social_group", "registered", "active", "511111", "511111002", "\ud800",
                     "乐山市沙湾区测试摄影协会"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=6)
AUDIT = ("audit_entry",)  # a refused filing is audited (who tried what): everything else stays as it was
field_names = st.sampled_from([f.name for f in records.ORG_FIELDS] + ["people", "id", "version", "bogus"])
person_names = st.sampled_from([f.name for f in records.PERSON_FIELDS] + ["bogus"])


@st.composite
def org_records(draw: st.DrawFn) -> Any:
    """A valid record with some fields (and people's fields) replaced by anything JSON can hold."""
    if draw(st.integers(0, 9)) == 0:
        return draw(values)  # not even an object, sometimes
    record: dict[str, Any] = social_group(name=draw(st.sampled_from(["乐山市沙湾区测试摄影协会", "沙湾区测试协会"])))
    for key, value in draw(st.dictionaries(field_names, values, max_size=4)).items():
        record[key] = value
    if isinstance(record.get("people"), list) and record["people"] and isinstance(record["people"][0], dict):
        for key, value in draw(st.dictionaries(person_names, values, max_size=2)).items():
            record["people"][0][key] = value
    return record


def _content(data: Any, mangle: int) -> bytes:
    text = json.dumps(data, ensure_ascii=mangle % 2 == 0)  # lone surrogates survive as \ud800 escapes
    raw = text.encode("utf-8", "surrogatepass")
    if mangle == 7:
        raw = raw[: len(raw) // 2]  # a file cut short
    return raw


def _check(db: Path, folder: Path, args: list[str], content: bytes) -> None:
    file = folder / "input.json"
    file.write_bytes(content)
    before = digest(db, without=AUDIT)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(db), *args, "--json-file", str(file)])
    message = err.getvalue()
    if code == 0:
        assert message == ""
        assert digest(db, without=AUDIT) != before
    else:
        assert code == 2, message
        assert message.count("\n") == 1 and message.startswith("civicdesk: "), message
        assert digest(db, without=AUDIT) == before, message


def _property(db: Path, folder: Path, examples: int) -> None:
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=org_records(), mangle=st.integers(0, 9),
           command=st.sampled_from([["org", "add"], ["filing", "new", "--kind", "establish"]]))
    def check(data: Any, mangle: int, command: list[str]) -> None:
        _check(db, folder, command, _content(data, mangle))

    check()


@pytest.fixture
def office(db_path: Path, tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "inputs"
    folder.mkdir()
    return db_path, folder


def test_json_inputs_succeed_or_fail_in_one_line(office: tuple[Path, Path]) -> None:
    _property(*office, examples=30)


def test_change_filings_from_json_succeed_or_fail_in_one_line(shawan_db_path: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["--db", str(shawan_db_path), "org", "list", "--json", "--limit", "1", "--tier", "registered"])
    org_id = json.loads(out.getvalue())[0]["id"]

    @settings(max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(changes=st.dictionaries(field_names, values, min_size=1, max_size=3), mangle=st.integers(0, 9))
    def check(changes: dict[str, Any], mangle: int) -> None:
        _check(shawan_db_path, tmp_path, ["filing", "new", "--kind", "change"],
               _content({"organization_id": org_id, "changes": changes}, mangle))

    check()


@pytest.mark.slow
def test_json_inputs_long_run(office: tuple[Path, Path]) -> None:
    _property(*office, examples=1000)
