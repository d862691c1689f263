"""Search: the 4-gram index finds exactly what the LIKE scan finds; pinyin is right for polyphones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from civicdesk.models import Organization
from civicdesk.services.register import browse
from civicdesk.services.register import organizations
from civicdesk.services.register import search
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import make_uscc
from tests.factories import social_group


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("老年协会", "laonianxiehui", "lnxh"),
        ("犍为县调解协会", "qianweixiantiaojiexiehui", "qwxtjxh"),
        ("长乐村红白理事会", "changlecunhongbailishihui", "clchblsh"),
        ("重庆商会", "chongqingshanghui", "cqsh"),
        ("银行业协会", "yinhangyexiehui", "yhyxh"),
        ("乐山市音乐家协会", "leshanshiyinyuejiaxiehui", "lssyyjxh"),
        ("ABC培训学校", "abcpeixunxuexiao", "abcpxxx"),
    ],
)
def test_pinyin_of_polyphonic_names(name: str, full: str, initials: str) -> None:
    assert search.pinyin(name) == (full, initials)


def test_pinyin_segments_names_as_pypinyin_does() -> None:
    """:func:`search.pinyin` segments a name itself (``_cut``): the same segments as pypinyin's ``seg.cut`` and
    the same texts as the syllables of those segments joined and lowered whole, for generated names and for
    texts where forward maximum matching could go wrong (phrases run together, prefixes of a phrase up to the
    end of the text, punctuation, Latin and Greek letters: a final sigma lowers by its place, digits)."""
    import random

    from pypinyin.constants import PHRASES_DICT
    from pypinyin.seg.mmseg import seg

    from bench.generate import generate_organizations

    rng = random.Random(20)
    phrases = rng.sample(sorted(PHRASES_DICT), 500)
    letters = [*"老年协会通江村社区长乐重庆银行 ΑΣσςAbc09,-（）·〇々"] + [chr(c) for c in range(0x4E00, 0x4E00 + 200)]
    texts = [str(r["name"]) for r in generate_organizations(500, seed=20)]
    texts += ["".join(rng.choice(phrases) if rng.random() < 0.5 else rng.choice(letters)
                      for _ in range(rng.randint(1, 8))) for _ in range(1000)]
    texts += ["", "Σ", "ΑΣ", "ΑΣ老", "中国人", "我是中国人", "长长长", "重庆长江"]
    ends = []  # prefixes of a phrase to their end, none a phrase, with a phrase after their first character:
    for phrase in sorted(PHRASES_DICT):  # 一棍子 is 一 棍 子, not 一 棍子
        for k in range(3, len(phrase)):
            head = phrase[:k]
            if not any(head[:m] in PHRASES_DICT for m in range(1, k + 1)) and head[1:] in PHRASES_DICT:
                ends.append(head)
                break
        if len(ends) == 20:
            break
    assert len(ends) == 20
    texts += ends + ["老年" + e for e in ends]
    for text_ in texts:
        assert search._cut(text_) == list(seg.cut(text_)), text_
        assert search.pinyin(text_) == search._pinyin_plain(text_), text_


def test_pinyin_keeps_pypinyins_segmentation_when_its_insides_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_cut`` reads pypinyin's prefix set, which is not its public interface: a pypinyin without it (another
    version) gets its own ``seg.cut`` instead of an error on every name."""
    from pypinyin.seg.mmseg import seg

    names = ["乐山市沙湾区老年协会", "重庆长江", "一棍子", "ΑΣ老"]
    expected = [list(seg.cut(name)) for name in names]
    class Prefixes:  # the same answers, kept otherwise than in a set called _set
        def __init__(self, inner: object) -> None:
            self.inner = inner

        def __contains__(self, word: str) -> bool:
            return word in self.inner  # type: ignore[operator]

    monkeypatch.setattr(seg, "_prefix_set", Prefixes(seg._prefix_set))
    assert [search._cut(name) for name in names] == expected
    monkeypatch.undo()
    monkeypatch.setattr(seg, "_no_non_phrases", False)  # a looser segmentation than the one _cut copies
    assert search._cut("一棍子") == list(seg.cut("一棍子"))
    assert search.pinyin("乐山市老年协会") == ("leshanshilaonianxiehui", "lsslnxh")


def _ids(db: Database, condition: object) -> set[str]:
    with db.read() as session:
        return set(session.scalars(select(Organization.id).where(condition)))


QUERIES = ["通江", "老年协会", "协会", "lnxh", "laonian", "LNXH", "5151110", "51511111MJ", "犍为", "qianwei", "调解",
           "七星村", "滨河社区", "3号", "路1", "乐山市沙湾区", "幼儿园", "张", "a", "（", "XYZ不存在的"]


@pytest.mark.parametrize("query", QUERIES)
def test_index_finds_exactly_what_like_finds(city_db_read: Database, query: str) -> None:
    with city_db_read.read() as session:
        indexed = set(session.scalars(select(Organization.id).where(search.condition(session, query))))
    assert indexed == _ids(city_db_read, search.like_condition(query))


def _random_substrings(db: Database) -> list[str]:
    with db.read() as session:
        texts = [t for t in session.scalars(select(Organization.address).limit(3000)) if t]
        texts += [t for t in session.scalars(select(Organization.name).limit(3000)) if t]
    return texts


# 40 random substrings in the default run, 150 with -m slow
@pytest.mark.parametrize("examples", [40, pytest.param(150, marks=pytest.mark.slow)])
def test_random_substrings_match_like(city_db_read: Database, examples: int) -> None:
    texts = _random_substrings(city_db_read)

    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.sampled_from(texts), st.integers(0, 40), st.integers(2, 6))
    def check(text: str, start: int, length: int) -> None:
        start = start % max(len(text) - 1, 1)
        query = text[start:start + length]
        with city_db_read.read() as session:
            indexed = set(session.scalars(select(Organization.id).where(search.condition(session, query))))
        assert indexed == _ids(city_db_read, search.like_condition(query))

    check()


@pytest.mark.both_backends
def test_index_follows_orm_changes(db: Database) -> None:
    record = organizations.add_organization(db, social_group(name="乐山市沙湾区钵钵鸡行业协会"))
    total, hits = browse.search_organizations(db, "bbj")
    assert total == 1 and hits[0].id == record.id and hits[0].matched == ["initials"]
    assert browse.search_organizations(db, "张三")[0] == 1  # the legal representative
    with db.unit() as session:
        org = session.get(Organization, record.id)
        org.name = "乐山市沙湾区跷脚牛肉协会"
        org.address = "四川省乐山市沙湾区嘉农镇1号"
    assert browse.search_organizations(db, "钵钵鸡")[0] == 0
    assert browse.search_organizations(db, "bbj")[0] == 0
    assert browse.search_organizations(db, "跷脚")[0] == 1
    assert browse.search_organizations(db, "qjnr")[0] == 1
    assert browse.search_organizations(db, "嘉农")[0] == 1
    assert browse.search_organizations(db, "铜河街道测试路")[0] == 0
    with db.read() as session:  # (a server's index is a GIN index of the table: nothing to count apart)
        assert search.index_count(session) == (1 if db.engine.dialect.name == "sqlite" else None)


def test_rebuild_gives_the_same_answers(city_db: Database) -> None:
    before = {q: browse.search_organizations(city_db, q)[0] for q in ("通江", "lnxh", "犍为")}
    with city_db.unit() as session:
        assert search.rebuild(session) == 7403
    after = {q: browse.search_organizations(city_db, q)[0] for q in before}
    assert after == before


def test_cli_search_json(city_db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from civicdesk.app import main

    assert main(["--db", str(city_db_path), "search", "lnxh", "--limit", "3", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 1370 and len(out["results"]) == 3
    assert set(out["results"][0]) == {"id", "name", "uscc", "division_code", "matched"}
    assert out["results"][0]["matched"] == ["initials"]
    assert main(["--db", str(city_db_path), "search", make_uscc("1", "511111", "MJ000001")[:10], "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] >= 1 and all("uscc" in r["matched"] for r in out["results"])


@pytest.mark.parametrize("query", ["通江", "协会", "lnxh", "5151", "laonian", "幼儿园", "张"])
def test_index_count_and_both_first_page_plans_agree(city_db_read: Database, query: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The index-only count equals the joined count, and walking the sort index gives the same first page."""
    flt = browse.RegisterFilter(text=query)
    with city_db_read.read() as session:
        joined = session.scalar(select(__import__("sqlalchemy").func.count()).select_from(Organization)
                                .where(*browse._conditions(session, flt)))
    assert browse.count(city_db_read, flt) == joined
    for key in ("name", "established_on", "division"):
        monkeypatch.setattr(browse, "WALK_THRESHOLD", 10**9)
        looked_up = browse.first_page(city_db_read, flt, key, False, 50, expected=joined)
        monkeypatch.setattr(browse, "WALK_THRESHOLD", 0)
        walked = browse.first_page(city_db_read, flt, key, False, 50, expected=joined)
        assert [r.seq for r in walked] == [r.seq for r in looked_up]


@pytest.mark.both_backends
def test_status_change_leaves_the_default_count(db: Database) -> None:
    record = organizations.add_organization(db, social_group())
    assert browse.count(db, browse.RegisterFilter(text="摄影")) == 1
    with db.unit() as session:
        session.get(Organization, record.id).status = "deregistered"
    assert browse.count(db, browse.RegisterFilter(text="摄影")) == 0
    assert browse.count(db, browse.RegisterFilter(text="摄影", status=None)) == 1


@pytest.mark.parametrize("status", ["live", None, "deregistered"])
@pytest.mark.parametrize("prefix", ["5151110", "51511111MJ", "5151"])
def test_uscc_prefix_count_and_order_from_the_covering_index(city_db_read: Database, prefix: str,
                                                             status: str | None) -> None:
    """A USCC prefix is counted and ordered from the partial covering index (``INDEXED BY``): the same
    count and rows as the planner's own choice."""
    flt = browse.RegisterFilter(text=prefix, status=status)
    with city_db_read.read() as session:
        where = browse._conditions(session, flt)
        expected = session.scalar(select(__import__("sqlalchemy").func.count()).select_from(Organization).where(*where))
        in_order = list(session.scalars(select(Organization.seq).where(*where)
                                        .order_by(Organization.uscc.desc(), Organization.name.desc(),
                                                  Organization.seq.desc()).limit(40)))
    assert browse.count(city_db_read, flt) == expected
    assert [r.seq for r in browse.first_page(city_db_read, flt, "uscc", True, 40, expected=expected)] == in_order
    assert status == "deregistered" or expected > 0


def test_an_organizations_copy_lines_are_its_grams_rows() -> None:
    """search._gram_lines: one line a gram, ``gram<TAB>t|f<TAB>rank``, as COPY's text format reads them."""
    grams = search.gram_set({"name": "沙湾区钵钵鸡协会", "name_pinyin": "shawanqu", "uscc": "51511111MJ00000265"})
    lines = search._gram_lines(grams, False, -42)
    assert lines is not None and lines.endswith("\n")
    assert {tuple(line.split("\t")) for line in lines.splitlines()} == {(g, "f", "-42") for g in grams}
    assert len(lines.splitlines()) == len(grams)


def ordered_rows(lines: list[bytes]) -> list[tuple[str, bool, int]]:
    """The (gram, live, rank) rows of made_grams' ``ordered`` COPY text, read back as the server reads them."""
    escapes = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
    out = []
    for line in b"".join(lines).decode().split("\n")[:-1]:
        gram, live, rank = line.split("\t")
        gram = re.sub(r"\\[\\tnr]", lambda m: escapes[m.group(0)], gram)
        out.append((gram, {"t": True, "f": False}[live], int(rank)))
    return out


def test_grams_made_with_their_ranks_come_in_the_keys_order() -> None:
    """search.made_grams (a sync package's organizations on the server, given their ranks): each row's gram set
    (its pinyin made when it came without), and the grams of every ranked row, once each, as COPY text in the order of
    org_gram's key (gram by code point, then live, then rank), whatever order the rows came in; a row without a
    rank is left out; the live counts are those of the ranked live rows."""
    rows = [{"name": "沙湾区老年协会", "name_pinyin": None, "name_initials": None, "address": "嘉农镇老年",
             "legal_rep_name": "张三", "uscc": "51511111MJ00000265", "status": "active"},
            {"name": "沙湾区围棋协会", "name_pinyin": "given", "name_initials": "g", "address": None,
             "legal_rep_name": None, "uscc": "51\\51\t1\n1\r", "status": "revoked"},
            {"name": "ＡＢ老年𠀀协会", "name_pinyin": None, "name_initials": None, "address": "Zz 9",
             "legal_rep_name": None, "uscc": None, "status": "active"},
            {"name": "老年人协会", "name_pinyin": None, "name_initials": None, "address": None,
             "legal_rep_name": None, "uscc": None, "status": "active"},
            {"name": "沙湾区老年协会", "name_pinyin": None, "name_initials": None, "address": None,
             "legal_rep_name": None, "uscc": None, "status": "active"}]
    ranks = [7, -(1 << 40), 3, None, -5]
    values = [tuple(r[k] for k in search.GRAM_SOURCE) for r in rows]
    made = search.made_grams(values, ranks)
    for row in rows:  # the pinyin made when a row came without (the second came with its own)
        if row["name_pinyin"] is None:
            row["name_pinyin"], row["name_initials"] = search.pinyin(row["name"])
    sets = [search.gram_set(r) for r in rows]
    assert "give" in sets[1] and "shaw" in sets[0]
    assert made.sets == sets
    got = ordered_rows(made.ordered)
    expected = {(g, r["status"] in search.LIVE, rank) for r, grams, rank in zip(rows, sets, ranks, strict=True)
                if rank is not None for g in grams}
    assert len(got) == len(expected) and set(got) == expected
    assert got == sorted(got)  # Python orders str by code point, as the "C" collation orders UTF-8
    assert ("老年协会", True, -5) in got and ("老年协会", True, 7) in got
    assert ("#51\\51\t1\n1\r", False, -(1 << 40)) in got
    live: dict[str, int] = {}
    for grams in (sets[0], sets[2], sets[4]):  # the live rows with a rank
        for gram in grams:
            if search._counted(gram):
                live[gram] = live.get(gram, 0) + 1
    assert made.counts == live and live["老年协会"] == 2 and live["#51511111MJ"] == 1
    assert search.made_grams([], []).ordered == []




def test_gram_rows_gathered_in_any_order_come_in_the_keys_order() -> None:
    """search.GramRows as a ledger's parts gather it (each part's ranks between those of the parts before): the
    same COPY text as the rows gathered in rank order; gathered as ranked (``ascending``) out of order, refused."""
    grams = {7: {"老年协会", "lnxh"}, -3: {"老年协会"}, 12: {"lnxh", "#5151"}, 5: {"老年协会", "围棋"}}
    lives = {7: True, -3: True, 12: False, 5: True}
    ascending, any_order = search.GramRows(ascending=True), search.GramRows(ascending=False)
    for rank in sorted(grams):
        ascending.add(grams[rank], lives[rank], rank)
    for rank in (7, -3, 12, 5):  # two parts: 7 and -3, then 12 and 5, each in its own rank order
        any_order.add(grams[rank], lives[rank], rank)
    assert any_order.lines() == ascending.lines()
    assert ordered_rows(ascending.lines())[:3] == [("#5151", False, 12), ("lnxh", False, 12), ("lnxh", True, 7)]
    assert any_order.counts() == ascending.counts() == {"老年协会": 3, "lnxh": 1}  # live rows; 4-grams and USCCs
    with pytest.raises(ValueError):
        ascending.add({"围棋"}, True, 6)
