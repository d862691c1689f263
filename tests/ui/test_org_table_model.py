"""The register table model: loads count and first page, then the whole order; blocks on demand; sort is SQL."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from civicdesk.schema import SORT_KEYS
from civicdesk.services.register import browse
from civicdesk.ui.labels import Labels
from civicdesk.ui.register.org_table_model import (
    BLOCK,
    COL_DIVISION,
    COL_ESTABLISHED,
    COL_NAME,
    COL_USCC,
    SORT_KEYS as COLUMN_SORT_KEYS,
    IdRole,
    OrgTableModel,
)


def _loaded(qtbot, model: OrgTableModel, **reload) -> None:
    with qtbot.waitSignal(model.order_loaded, timeout=20_000):
        model.reload(**reload)


def test_model_passes_qt_model_tester(qtbot, qtmodeltester, make_ctx, shawan_db_path: Path) -> None:
    ctx = make_ctx(shawan_db_path)
    model = OrgTableModel(ctx, Labels(ctx.db))
    _loaded(qtbot, model)
    assert model.rowCount() == browse.count(ctx.db, browse.RegisterFilter())
    qtmodeltester.check(model, force_py=True)


def test_rows_match_the_service_order_and_are_fetched_in_blocks(qtbot, make_ctx, city_db_path: Path) -> None:
    ctx = make_ctx(city_db_path)
    model = OrgTableModel(ctx, Labels(ctx.db))
    _loaded(qtbot, model)
    expected = browse.ordered_seqs(ctx.db, browse.RegisterFilter())
    assert model.rowCount() == len(expected) == 7353
    middle = len(expected) // 2
    before = model.cache_size()
    name = model.data(model.index(middle, COL_NAME))
    assert model.cache_size() == before + BLOCK  # exactly one block fetched for a jump to the middle
    row = browse.rows(ctx.db, [expected[middle]])[expected[middle]]
    assert name == (f"⚠ {row.name}" if row.credit_list else row.name)  # a listed organization is marked
    assert model.data(model.index(middle, COL_NAME), IdRole) == row.id
    last = model.data(model.index(len(expected) - 1, COL_NAME)).removeprefix("⚠ ")
    assert last == browse.rows(ctx.db, [expected[-1]])[expected[-1]].name


def test_sorting_by_date_descending_is_sql(qtbot, make_ctx, shawan_db_path: Path) -> None:
    ctx = make_ctx(shawan_db_path)
    model = OrgTableModel(ctx, Labels(ctx.db))
    _loaded(qtbot, model)
    with qtbot.waitSignal(model.order_loaded, timeout=20_000):
        model.sort(COL_ESTABLISHED, Qt.SortOrder.DescendingOrder)
    dates = [model.row_at(r).established_on for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    with qtbot.waitSignal(model.order_loaded, timeout=20_000):
        model.sort(COL_DIVISION, Qt.SortOrder.AscendingOrder)
    townships = [model.row_at(r).township_code for r in range(model.rowCount())]
    assert townships == sorted(townships)


def test_name_sorts_by_pinyin(qtbot, make_ctx, shawan_db_path: Path) -> None:
    ctx = make_ctx(shawan_db_path)
    model = OrgTableModel(ctx, Labels(ctx.db))
    _loaded(qtbot, model)
    # the name as the register shows it, without the "⚠ " of a listed organization (ui/register/org_table_model.py)
    names = [model.data(model.index(r, COL_NAME)).removeprefix("⚠ ") for r in range(model.rowCount())]
    from civicdesk.services.register.search import pinyin

    keys = [pinyin(n)[0] for n in names]
    assert keys == sorted(keys)


def test_filter_and_search(qtbot, make_ctx, city_db_path: Path) -> None:
    ctx = make_ctx(city_db_path)
    model = OrgTableModel(ctx, Labels(ctx.db))
    _loaded(qtbot, model, flt=browse.RegisterFilter(tier="filed"))
    assert model.rowCount() == 52
    _loaded(qtbot, model, flt=browse.RegisterFilter(text="lnxh"))
    assert model.rowCount() == 1370
    _loaded(qtbot, model, flt=browse.RegisterFilter(text="51511111"))
    uscc = [model.data(model.index(r, COL_USCC)) for r in range(model.rowCount())]
    assert uscc and all(u.startswith("51511111") for u in uscc)


def test_stale_result_is_dropped(qtbot, make_ctx, city_db_path: Path) -> None:
    """A first search superseded by a second one never shows its rows."""
    ctx = make_ctx(city_db_path)
    model = OrgTableModel(ctx, Labels(ctx.db))
    counts: list[int] = []
    model.loaded.connect(counts.append)
    model.reload(flt=browse.RegisterFilter(text="协会"))
    with qtbot.waitSignal(model.order_loaded, timeout=20_000):
        model.reload(flt=browse.RegisterFilter(text="通江"))
    assert counts == [118]
    assert model.rowCount() == 118


def test_every_sortable_column_sorts_by_a_key_the_services_know() -> None:
    """A column's sort key must be one of civicdesk.schema's, which browse and the first paint order by; every
    one of those has a column."""
    keys = {key for key in COLUMN_SORT_KEYS.values() if key is not None}
    assert keys == set(SORT_KEYS)
