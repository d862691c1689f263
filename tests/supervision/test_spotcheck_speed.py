"""The fast path of a draw (issue 16: a draw over 1,000,000 ids in < 2 s) gives exactly what the documented
method gives: the ids sorted bucket by bucket with the snapshot packed meanwhile, and the teams of two picked
without a call per check.  No timing here: bench/bench_spotcheck.py measures."""

from __future__ import annotations

import random
import uuid
from decimal import Decimal

from civicdesk.services.supervision import spotcheck


def _documented(seed: str, ids: list[str], ratio: Decimal, roster: list[str], per_check: int,
                exclusions: dict[str, list[str]]) -> tuple[list[str], list[list[str]]]:
    """docs/SPOTCHECK.md's lines, as an auditor runs them."""
    import math

    def pick(rng: random.Random, n: int, m: int) -> list[int]:
        slots: dict[int, int] = {}
        out = []
        for i in range(m):
            j = i + min(int(rng.random() * (n - i)), n - i - 1)
            out.append(slots.get(j, j))
            slots[j] = slots.get(i, i)
        return out

    k = math.ceil(Decimal(len(ids)) * ratio)
    rng = random.Random(int(seed, 16))
    orgs = [ids[p] for p in pick(rng, len(ids), k)]
    teams = []
    for org in orgs:
        cand = [i for i in roster if i not in exclusions.get(org, [])]
        teams.append([cand[i] for i in pick(rng, len(cand), per_check)])
    return orgs, teams


def test_sort_and_pack_sorts_by_code_point_and_packs_the_same_text() -> None:
    rng = random.Random(5)
    ids = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(3000)]
    ids += ["a", "", "ab", "abc", "b", "中文", "Z", "a\u00e9", "ZZ", "0"]  # short ids share or lead a bucket
    rng.shuffle(ids)
    ordered, packing = spotcheck.sort_and_pack(ids)
    assert ordered == sorted(ids)
    snapshot, sha = packing.result()
    assert spotcheck.unpack_snapshot(snapshot) == (ordered, spotcheck.pack_snapshot(ordered)[1])


def test_the_fast_draw_is_the_documented_draw_with_and_without_conflicts() -> None:
    ids = sorted(f"org-{n:05d}" for n in range(4000))
    roster = [f"i{n:02d}" for n in range(7)]
    seed = "5e" * 16
    made = spotcheck.new_draw(seed, ids, Decimal("0.05"), roster, 2, {})
    assert made.exclusions == {}
    assert (made.result.organization_ids, made.result.inspector_ids) == _documented(
        seed, ids, Decimal("0.05"), roster, 2, {})
    conflicted = made.result.organization_ids[:5]  # drawn organizations with a conflict: their teams change
    conflicts = {"i00": set(conflicted), "i03": {conflicted[0]}, "i05": {"org-not-drawn"}}
    again = spotcheck.new_draw(seed, ids, Decimal("0.05"), roster, 2, conflicts)
    assert again.exclusions == {conflicted[0]: ["i00", "i03"], **{o: ["i00"] for o in conflicted[1:]}}
    assert (again.result.organization_ids, again.result.inspector_ids) == _documented(
        seed, ids, Decimal("0.05"), roster, 2, again.exclusions)
    three = spotcheck.compute_draw(spotcheck.METHOD, seed, ids, Decimal("0.05"), roster, 3, {})
    assert three.inspector_ids == _documented(seed, ids, Decimal("0.05"), roster, 3, {})[1]
