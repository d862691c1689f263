"""Printing to PDF, checked on the PDFs' extracted text and font dictionaries (never their bytes): titles,
names, totals and page counts; every font embedded; no personal number on a public print; cancel and
failure leave no file; the statistics report states the city's published figures."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from civicdesk.errors import InputError, NotFoundError
from civicdesk.services.register.browse import RegisterFilter
from civicdesk.services.core.database import Database
from civicdesk.services.printing import PrintCancelled, fonts as font_module, get_kind, kinds, print_document
from civicdesk.services.printing.kind_statistics import StatisticsOptions
from civicdesk.services.printing.register import RegisterOptions

TODAY = date(2026, 11, 28)


def text_of(path: Path) -> str:
    """The text of every page, as PDFium (pypdfium2) reads it: ~25 times faster than pypdf's extract_text, which
    parses every font's ToUnicode map again on every page (most of the time of the printing tests); a table's
    cells come out separated by spaces, lines by newlines.  pypdf still reads the fonts (``fonts_of``)."""
    document = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(document[i].get_textpage().get_text_bounded().replace("\r\n", "\n")
                         for i in range(len(document)))
    finally:
        document.close()


def fonts_of(path: Path) -> list[dict[str, Any]]:
    """Every font dictionary reachable from every page, its forms included: name, subtype, embedded?"""
    found: dict[int, dict[str, Any]] = {}

    def walk_resources(resources: Any) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts") or []]
            descriptor_owner = descendants[0] if descendants else font
            descriptor = descriptor_owner.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[id(font)] = {"name": str(font.get("/BaseFont")), "subtype": str(font.get("/Subtype")),
                               "embedded": embedded, "truetype": "/FontFile2" in descriptor}
        for ref in (resources.get("/XObject") or {}).values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk_resources(xobject.get("/Resources"))

    for page in PdfReader(str(path)).pages:
        walk_resources(page.get("/Resources"))
    return list(found.values())


def assert_fonts_embedded(path: Path) -> None:
    fonts = fonts_of(path)
    assert fonts, "no font at all"
    not_embedded = [f for f in fonts if not (f["embedded"] and f["truetype"])]
    assert not_embedded == [], not_embedded


def personal_numbers(path: Path) -> set[str]:
    """Every ID number and phone number in the database (people's and organizations')."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT id_number FROM org_person UNION SELECT phone FROM org_person "
                            "UNION SELECT contact_phone FROM organization").fetchall()
    finally:
        conn.close()
    return {r[0] for r in rows if r[0]}


@pytest.fixture
def shawan(shawan_db: Database) -> Database:
    return shawan_db


def test_kinds_are_registered_by_name() -> None:
    assert [k.name for k in kinds()] == ["register", "organization", "statistics", "dashboard", "filings",
                                         "inspection", "spotcheck", "credit-list", "penalties", "projects",
                                         "venture-report"]
    assert get_kind("filings").label == "申请事项办理情况表"
    with pytest.raises(InputError) as info:
        get_kind("minutes")
    assert "register" in info.value.message("en") and "filings" in info.value.message("en")


@pytest.mark.both_backends
def test_register_of_a_district_has_title_cutoff_groups_totals_and_page_count(shawan: Database,
                                                                              tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    result = print_document(shawan, "register", RegisterOptions(division="511111"), out, printed_on=TODAY)
    text = text_of(out)
    pages = len(PdfReader(str(out)).pages)
    assert result.pages == pages > 5
    assert "乐山市沙湾区社会组织名录" in text
    assert "截至2026年11月28日" in text
    assert "打印日期：2026年11月28日" in text and "乐山市沙湾区民政局" in text
    assert f"共 {pages} 页" in text and f"第 {pages} 页" in text and f"— {pages} —" in text
    assert text.count("序号") == pages  # the header row on every page
    with shawan.read() as session:
        live = session.execute(__import__("sqlalchemy").text(
            "SELECT name, legal_form, tier FROM organization WHERE status IN ('active','suspended','liquidating')"
            " AND deleted_at IS NULL")).all()
    assert result.facts["rows"] == len(live)
    assert f"合计 {len(live):,} 个" in text
    for name, _form, _tier in live[:: max(1, len(live) // 25)]:
        assert name in text.replace("\n", "")
    groups = re.findall(r"小计 ([\d,]+) 个", text)
    assert sum(int(g.replace(",", "")) for g in groups) == len(live)
    social_groups = sum(1 for _n, form, _t in live if form == "social_group")
    assert groups[0] == f"{social_groups:,}" and "一、社会团体" in text
    assert_fonts_embedded(out)


@pytest.mark.both_backends
def test_register_by_township_with_filters(shawan: Database, tmp_path: Path) -> None:
    out = tmp_path / "guided.pdf"
    options = RegisterOptions(filter=RegisterFilter(tier="guided"), group_by="township")
    result = print_document(shawan, "register", options, out, printed_on=TODAY)
    text = text_of(out)
    assert "乐山市沙湾区社区社会组织名录" in text and "铜河街道" in text
    assert f"合计 {result.facts['rows']:,} 个" in text
    assert "纳入村（社区）指导管理" in text  # the filter in words under the title
    with pytest.raises(InputError):
        print_document(shawan, "register", RegisterOptions(group_by="colour"), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_public_register_and_sheet_hold_no_id_or_phone_number(shawan: Database, shawan_db_path: Path,
                                                              tmp_path: Path) -> None:
    numbers = personal_numbers(shawan_db_path)
    assert len(numbers) > 500
    register = tmp_path / "public.pdf"
    print_document(shawan, "register", RegisterOptions(filter=RegisterFilter(status=None)), register, public=True)
    conn = sqlite3.connect(shawan_db_path)
    orgs = [r[0] for r in conn.execute("SELECT id FROM organization o WHERE EXISTS (SELECT 1 FROM org_person p "
                                       "WHERE p.organization_id = o.id AND p.id_number IS NOT NULL) LIMIT 3")]
    noted = conn.execute("SELECT id, notes FROM organization WHERE notes IS NOT NULL LIMIT 1").fetchone()
    conn.close()
    texts = {"register": text_of(register)}
    for org_id in orgs + ([noted[0]] if noted else []):
        sheet = tmp_path / f"{org_id}.pdf"
        print_document(shawan, "organization", {"key": org_id}, sheet, public=True, reveal_ids=True)
        texts[org_id] = text_of(sheet)
        assert "公开版" in texts[org_id]
    for label, text in texts.items():
        flat = re.sub(r"\s+", "", text)
        leaked = [n for n in numbers if n in flat]
        assert leaked == [], (label, leaked[:3])
    assert "***" in texts["register"]  # phones are there, masked
    if noted:
        assert noted[1] not in texts[noted[0]] and "内部备注" not in texts[noted[0]]


def test_internal_sheet_masks_ids_unless_revealed(shawan: Database, shawan_db_path: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(shawan_db_path)
    org_id, id_number, name = conn.execute(
        "SELECT o.id, p.id_number, o.name FROM organization o JOIN org_person p ON p.organization_id = o.id "
        "WHERE p.id_number IS NOT NULL AND p.is_current LIMIT 1").fetchone()
    conn.close()
    masked, revealed = tmp_path / "masked.pdf", tmp_path / "revealed.pdf"
    result = print_document(shawan, "organization", {"key": org_id}, masked)
    print_document(shawan, "organization", {"key": org_id}, revealed, reveal_ids=True)
    text = text_of(masked)
    assert "社会组织登记信息表" in text and name in text and "内部资料" in text
    assert "一、基本信息" in text and "二、负责人及有关人员" in text and "三、变更记录" in text
    assert id_number not in re.sub(r"\s+", "", text)
    assert f"{id_number[:4]}**********{id_number[-4:]}" in re.sub(r"\s+", "", text)
    assert id_number in re.sub(r"\s+", "", text_of(revealed))
    assert result.pages == len(PdfReader(str(masked)).pages)
    assert_fonts_embedded(masked)
    with pytest.raises(NotFoundError):
        print_document(shawan, "organization", {"key": "no such organization"}, tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_statistics_report_states_the_city_figures(city_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    result = print_document(city_db, "statistics", StatisticsOptions(), out, printed_on=TODAY)
    text = text_of(out)
    flat = re.sub(r"\s+", "", text)
    assert "乐山市社会组织基本情况统计报告" in flat and "一、基本情况" in flat
    assert "全市共有登记社会组织1,831个" in flat
    assert "社区社会组织5,611个" in flat
    assert "登记在册89个" in flat and "乡镇（街道）备案52个" in flat and "纳入村和社区指导管理5,470个" in flat
    assert "每万人拥有社会组织5.08个" in flat and "2020年户籍人口" in flat
    assert "老年协会1,370个" in flat and "红白理事会1,321个" in flat
    assert "沙湾区" in flat and "峨眉山市" in flat and "合计" in flat  # the per-division table
    assert "图1" in flat and "图2" in flat
    assert "乐山市民政局" in flat and "2026年11月28日" in flat
    assert result.facts["registered"] == 1831 and result.facts["per_10k_population"] == 5.08
    assert f"共 {result.pages} 页" in text and "— 1 —" in text
    assert_fonts_embedded(out)
    # 培育发展: the letter's sentences, counted from the demo's cultivation rows, and the per-county table
    assert "四、培育发展" in flat and "五、统计口径" in flat
    assert "全市建成市级培育孵化基地1个、县级培育孵化基地4个（市中区、沙湾区、犍为县、夹江县）" in flat
    assert "在通江街道、铜河街道建成社区社会组织孵化园2个；市级基地累计入驻社会组织38个，孵化出壳12个" in flat
    assert "2019年以来" in flat and "合同金额3,210万元" in flat
    assert "沙湾区开展2020年社区公益创投活动，投入55万元，资助社会组织10个" in flat
    assert "征集项目108个，资助10个" in flat
    assert "全市设立社区基金9个，覆盖8个社区，累计筹集资金135万元" in flat
    assert "志愿服务队1,412支" in flat and "建成儿童服务站20个" in flat
    assert "基地（园）" in flat and "创投（万元）" in flat  # the per-county table


class Stop(Exception):
    pass


def test_cancel_and_failure_leave_no_file(shawan: Database, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "r.pdf"
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= 200:
            raise Stop  # any exception from the callback stops the job (the GUI runner's Cancelled does)

    with pytest.raises(Stop):
        print_document(shawan, "register", RegisterOptions(), out, progress=progress)
    assert seen and seen[-1][1] > 200
    with pytest.raises(PrintCancelled):
        print_document(shawan, "register", RegisterOptions(), out, cancelled=lambda: len(seen) > 1,
                       progress=lambda d, t: seen.append((d, t)))
    assert list(tmp_path.iterdir()) == []
    # an existing file is untouched by a cancelled run
    out.write_bytes(b"old")
    with pytest.raises(PrintCancelled):
        print_document(shawan, "register", RegisterOptions(), out, cancelled=lambda: True)
    assert out.read_bytes() == b"old" and list(tmp_path.iterdir()) == [out]
    with pytest.raises(InputError):
        print_document(shawan, "register", RegisterOptions(), tmp_path / "missing" / "r.pdf")
    with pytest.raises(InputError):
        print_document(shawan, "register", RegisterOptions(), tmp_path / "r.txt")


def test_fonts_are_found_in_order_and_never_unembedded(tmp_path: Path) -> None:
    fonts = font_module.resolve_fonts()
    for role in font_module.ROLES:
        face = fonts.role(role)
        assert face.name and face.path.is_file()
    # a preferred font wins for every role; a preferred file that is not a TrueType CJK font is an error
    preferred = fonts.body.path if fonts.body.path.suffix != ".ttc" else f"{fonts.body.path}#{fonts.body.index}"
    chosen = font_module.resolve_fonts(str(preferred))
    assert {chosen.role(r).source for r in font_module.ROLES} == {"preference"}
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font")
    with pytest.raises(InputError) as info:
        font_module.resolve_fonts(str(bad))
    assert info.value.code == "print.font_unusable"


def test_no_font_at_all_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(font_module, "bundled_variable_font", lambda: None)
    with pytest.raises(InputError) as info:
        font_module.resolve_fonts(system=False, font_dirs=[tmp_path])
    assert info.value.code == "print.font_missing"
    assert "TrueType" in info.value.message("en")


def _mini_variable_font(folder: Path, extra: str = "") -> Path:
    """The bundled variable font cut down to a few characters (variations kept): instancing it takes
    milliseconds where the whole font takes ~30 s."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    source = font_module.bundled_variable_font()
    assert source is not None, "justmytype-intl-cjk is a dependency: NotoSansSC[wght].ttf must be there"
    options = subset.Options()
    options.layout_features, options.name_IDs, options.notdef_outline = [], ["*"], True
    font = TTFont(str(source), lazy=True)
    cutter = subset.Subsetter(options)
    cutter.populate(text=font_module._TEST_CHARS
                    + "乐山市沙湾区社会组织名录截至年月日打印期民政局第共页合计小计个序号一二三四、（）"
                    "0123456789—：　 " + extra)
    cutter.subset(font)
    target = folder / "NotoSansSC[wght].ttf"
    font.save(str(target))
    assert "fvar" in TTFont(str(target), lazy=True)
    return target


def test_bundled_font_becomes_a_cached_static_instance(shawan: Database, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """With no font on the machine, the bundled variable font's Regular instance is made once, cached in the
    cache directory, and every role prints with it, embedded."""
    from fontTools.ttLib import TTFont

    mini = _mini_variable_font(tmp_path)
    (tmp_path / "v2").mkdir()
    mini2 = _mini_variable_font(tmp_path / "v2", extra="基本情况统计报告")
    monkeypatch.setattr(font_module, "bundled_variable_font", lambda: mini)
    cache = tmp_path / "cache"
    static = font_module.bundled_static_instance(cache)
    assert static is not None and static.parent == cache
    made = static.stat().st_mtime_ns
    assert font_module.bundled_static_instance(cache) == static and static.stat().st_mtime_ns == made
    font = TTFont(str(static), lazy=True)
    assert "fvar" not in font and "glyf" in font and font["OS/2"].usWeightClass == 400
    assert [p.name for p in cache.iterdir()] == [static.name]  # no temporary file left
    fonts = font_module.resolve_fonts(system=False, font_dirs=[tmp_path / "none"], cache_dir=cache)
    assert {fonts.role(r).source for r in font_module.ROLES} == {"bundled"} and len(fonts.substitutions) == 4
    out = tmp_path / "bundled.pdf"
    print_document(shawan, "register", RegisterOptions(division="511111"), out, fonts=fonts, printed_on=TODAY)
    assert "乐山市沙湾区社会组织名录" in text_of(out)
    assert all("NotoSansSC" in f["name"] for f in fonts_of(out))
    assert_fonts_embedded(out)

    # another instance with the same PostScript name but more glyphs (a newer font) prints with its own
    # glyphs, not the first one's (reportlab would alias them by name)
    monkeypatch.setattr(font_module, "bundled_variable_font", lambda: mini2)
    fonts2 = font_module.resolve_fonts(system=False, font_dirs=[tmp_path / "none"], cache_dir=tmp_path / "cache2")
    assert fonts2.body.name != fonts.body.name
    out2 = tmp_path / "bundled2.pdf"
    print_document(shawan, "statistics", StatisticsOptions(), out2, fonts=fonts2, printed_on=TODAY)
    assert "基本情况统计报告" in text_of(out2)


@pytest.mark.slow
def test_the_whole_bundled_font_prints_the_statistics_report(city_db: Database, tmp_path: Path) -> None:
    """The real thing, as on a fresh machine: the whole variable font instanced (~30-60 s) and the report
    printed with it.  Run with ``-m slow``; the default run has the cut-down font test above."""
    fonts = font_module.resolve_fonts(system=False, font_dirs=[tmp_path / "none"], cache_dir=tmp_path / "cache")
    out = tmp_path / "bundled.pdf"
    print_document(city_db, "statistics", StatisticsOptions(), out, fonts=fonts)
    flat = re.sub(r"\s+", "", text_of(out))
    assert "全市共有登记社会组织1,831个" in flat and "每万人拥有社会组织5.08个" in flat
    assert all("NotoSansSC" in f["name"] for f in fonts_of(out))
    assert_fonts_embedded(out)


def test_group_numbers_are_written_in_chinese() -> None:
    from civicdesk.services.printing.register import _cn_index

    assert [_cn_index(n) for n in (1, 10, 11, 20, 21, 99, 100, 101, 110, 115, 152)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一百一十五", "一百五十二"]


def test_a_name_too_long_for_its_cell_is_condensed_then_cut() -> None:
    from civicdesk.services.printing.register import _Fitter

    fonts = font_module.resolve_fonts()
    fit = _Fitter(fonts.body.name, 9)
    assert fit.fit("沙湾区羽毛球协会", 170, False) == ("沙湾区羽毛球协会", 0.0, 100.0)
    text, width, scale = fit.fit("乐" * 25, 170, True)
    assert text == "乐" * 25 and width == 170 and 50 <= scale < 100
    text, width, scale = fit.fit("乐" * 60, 170, True)
    assert text.endswith("…") and len(text) < 60 and scale == 50.0


def test_a_new_kind_is_one_registration(shawan: Database, shawan_db_path: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """What the filings kind will do: a DocumentKind registered from its own module is printable from
    print_document, and from the CLI with its arguments in commands/print.py, with the atomic write, fonts and
    footers of every other kind."""
    from reportlab.platypus import Paragraph

    from civicdesk.app import main
    from civicdesk.commands import print as print_command
    from civicdesk.services.printing import documents, official

    def write(job: Any, options: Any, info: Any) -> dict[str, Any]:
        styles = official.Styles(job.fonts)
        story = [official.Title(job.fonts, info.title), Paragraph(f"期间：{options['period']}", styles.body)]
        return {"pages": official.build(job.path, job.fonts, info, story)}

    kind = documents.DocumentKind(
        name="demo_list", label="示例清单", title=lambda _db, _o: "申请事项办理清单",
        size=lambda _db, _o: 1, write=write, default_options=lambda: {"period": "2026年"})
    documents.register_kind(kind)
    print_command.ARGUMENTS["demo_list"] = print_command.KindArguments(
        add=lambda p: p.add_argument("--period", default="2026年"), options=lambda ns: {"period": ns.period})
    try:
        out = tmp_path / "k.pdf"
        result = print_document(shawan, "demo_list", {"period": "2026年第三季度"}, out)
        assert result.pages == 1 and "申请事项办理清单" in text_of(out) and "2026年第三季度" in text_of(out)
        assert_fonts_embedded(out)
        cli_out = tmp_path / "cli.pdf"
        assert main(["--db", str(shawan_db_path), "print", "demo_list", "--period", "11月", "-o", str(cli_out)]) == 0
        assert "11月" in text_of(cli_out)
        capsys.readouterr()
    finally:
        documents._KINDS.pop("demo_list", None)
        print_command.ARGUMENTS.pop("demo_list", None)


def test_no_line_starts_with_a_closing_mark() -> None:
    """Chinese full-width commas, colons and brackets hang at a line's end instead of starting the next
    (reportlab's own list leaves them out)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph

    from civicdesk.services.printing import official

    styles = official.Styles(font_module.resolve_fonts())
    text = ("遵守宪法、法律、法规和国家政策，践行社会主义核心价值观，服务会员，服务社会；"
            "依法开展活动：按章程办事（自律）。")
    starts = []
    for width in range(60, 160):
        paragraph = Paragraph(text, styles.cell)
        paragraph.wrap(width * mm, 1000)
        starts += [line[1][0][0] for line in paragraph.blPara.lines[1:]]
    assert starts and not [c for c in starts if c in "，；：）。、"]


@pytest.mark.both_backends
def test_a_district_statistics_report_numbers_its_sections_and_figures_from_one(shawan: Database,
                                                                               tmp_path: Path) -> None:
    """A district has one county, so the per-county section and its chart are left out: what is printed is
    numbered 一、二、三、四 and 图1, with no gap (the district version used to show only 图2 under 三)."""
    out = tmp_path / "d.pdf"
    print_document(shawan, "statistics", StatisticsOptions(), out, printed_on=TODAY)
    flat = re.sub(r"\s+", "", text_of(out))
    assert "一、基本情况" in flat and "二、社区社会组织类别" in flat and "三、培育发展" in flat
    assert "四、统计口径" in flat
    assert "图1　社区社会组织按类别统计".replace("　", "") in flat.replace("　", "")
    assert "图2" not in flat and "五、" not in flat
    # the district's own cultivation, in its words, without the per-county table
    assert "全区建成县级培育孵化基地1个，在铜河街道建成社区社会组织孵化园1个" in flat
    assert "沙湾区开展2020年社区公益创投活动，投入55万元，资助社会组织10个" in flat
    assert "创投（万元）" not in flat
