"""Printing a 10,000-organization register to PDF, against drawing the same rows straight on a canvas and
against LibreOffice converting the same rows as .xlsx, in one run; then 100,000 rows for peak memory.

Usage: ``python bench/bench_print.py [--rows 10000] [--big 100000] [--repeat 3] [--keep DIR] [--no-office]``

* **civicdesk**: ``print_document(db, "register", …)`` on a city database of ``--rows`` generated
  organizations (every status, so every row prints): the product's path, query, grouping by legal form with
  小计/合计, repeated header, footers, font embedded and subset, atomic write.
* **canvas baseline**: the same query's rows, then one ``drawString`` per cell on a reportlab canvas with the
  same embedded font, fixed rows per page, no grouping, no fitting, no footer: the floor of what reportlab
  can do with these rows.
* **LibreOffice**: the same rows and columns written to .xlsx beforehand (not timed), then
  ``soffice --headless --convert-to pdf`` timed as a clerk would run it (process start included; the user
  profile is made once before timing).  Skipped when ``soffice`` is not on PATH.
* **100,000 rows**: the product's path in a fresh process; its peak memory is VmHWM from /proc/self/status.

Medians of ``--repeat`` runs, alternating the order of the contenders; the ratios are civicdesk / other.
"""

from __future__ import annotations

import argparse
import gc
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from bench import bench_register  # noqa: E402
from civicdesk.services.register.browse import RegisterFilter  # noqa: E402
from civicdesk.services.core.database import Database  # noqa: E402
from civicdesk.services.printing import print_document, resolve_fonts  # noqa: E402
from civicdesk.services.printing.register import RegisterOptions, stream_rows  # noqa: E402

OPTIONS = RegisterOptions(filter=RegisterFilter(status=None), group_by="legal_form")
build = bench_register.build  # the same generated city database as the register benchmark
HEAD = ("序号", "名称", "统一社会信用代码", "类型", "类别", "法定代表人", "住所", "成立日期", "联系电话")


def cells(r: Any, n: int) -> list[str]:
    return [str(n), r.name, r.uscc or r.filing_no or "", r.legal_form or r.tier,
            r.category or r.community_subtype or "",
            r.legal_rep_name or "", r.address or "", r.established_on.isoformat() if r.established_on else "",
            r.contact_phone or ""]


def ours(db: Database, out: Path) -> tuple[float, float]:
    gc.collect()
    t, cpu = time.perf_counter(), time.process_time()
    print_document(db, "register", OPTIONS, out)
    return time.perf_counter() - t, time.process_time() - cpu


def canvas_baseline(db: Database, out: Path, font: str) -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    gc.collect()
    t, cpu = time.perf_counter(), time.process_time()
    widths = [11, 62, 40, 21, 23, 21, 52, 23, 24]
    xs = [42.5]
    for w in widths:
        xs.append(xs[-1] + w * 2.8346)
    c = Canvas(str(out), pagesize=landscape(A4), initialFontName=font, pageCompression=1)
    y, n = 0.0, 0
    for r in stream_rows(db, OPTIONS):
        if y < 50:
            if n:
                c.showPage()
            c.setFont(font, 9)
            y = 540.0
            for x, h in zip(xs, HEAD, strict=False):  # xs has the right edge too
                c.drawString(x + 2, y, h)
            y -= 18
        n += 1
        for x, text in zip(xs, cells(r, n), strict=False):
            c.drawString(x + 2, y, text)
        y -= 18
    c.save()
    return time.perf_counter() - t, time.process_time() - cpu


def write_xlsx(db: Database, out: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    sheet = book.add_worksheet("名录")
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)
    sheet.write_row(0, 0, HEAD)
    for n, r in enumerate(stream_rows(db, OPTIONS), start=1):
        sheet.write_row(n, 0, cells(r, n))
    book.close()


def libreoffice(xlsx: Path, outdir: Path, profile: Path) -> tuple[float, float]:
    soffice = shutil.which("soffice") or "soffice"
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(xlsx)], check=True, capture_output=True, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return time.perf_counter() - t, cpu


def pages_of(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def big_run(db_path: Path, out: Path) -> None:
    """In a fresh process: print, then report seconds and VmHWM."""
    code = (
        "import sys, time; from pathlib import Path; sys.path.insert(0, %r)\n"
        "from bench.bench_print import OPTIONS\n"
        "from civicdesk.services.core.database import open_database\n"
        "from civicdesk.services.printing import print_document\n"
        "db = open_database(%r); t = time.perf_counter()\n"
        "r = print_document(db, 'register', OPTIONS, %r)\n"
        "s = time.perf_counter() - t\n"
        "hwm = [l for l in Path('/proc/self/status').read_text().splitlines() if l.startswith('VmHWM')][0]\n"
        "print(f'{r.facts[\"rows\"]:,} rows, {r.pages:,} pages in {s:.2f} s;'\n"
        "      f' peak memory {int(hwm.split()[1]) / 1024:.0f} MB')\n"
    ) % (str(ROOT), str(db_path), str(out))
    subprocess.run([sys.executable, "-c", code], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000, help="rows of the memory run (0 to skip)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder to keep the generated databases in")
    parser.add_argument("--no-office", action="store_true", help="skip LibreOffice even if installed")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_print_"))
    folder.mkdir(parents=True, exist_ok=True)
    db = build(folder / f"print_{args.rows}.sqlite3", args.rows)
    fonts = resolve_fonts()
    print(f"font: {fonts.body.label()}")
    print_document(db, "register", OPTIONS, folder / "warm.pdf")  # fonts registered, caches warm
    office = shutil.which("soffice") and not args.no_office
    if office:
        xlsx = folder / "register.xlsx"
        write_xlsx(db, xlsx)
        profile = folder / "lo-profile"
        libreoffice(xlsx, folder, profile)  # makes the profile; not timed
    times: dict[str, list[tuple[float, float]]] = {"civicdesk": [], "canvas": [], "libreoffice": []}
    for i in range(args.repeat):
        order = ["civicdesk", "canvas", "libreoffice"] if i % 2 == 0 else ["libreoffice", "canvas", "civicdesk"]
        for who in order:
            if who == "civicdesk":
                times[who].append(ours(db, folder / "ours.pdf"))
            elif who == "canvas":
                times[who].append(canvas_baseline(db, folder / "canvas.pdf", fonts.body.name))
            elif office:
                times[who].append(libreoffice(xlsx, folder, profile))
        print(f"repeat {i + 1}: " + ", ".join(f"{k} {v[-1][0]:.2f} s (cpu {v[-1][1]:.2f} s)"
                                             for k, v in times.items() if v))
    wall = {k: statistics.median(t[0] for t in v) for k, v in times.items() if v}
    cpu = {k: statistics.median(t[1] for t in v) for k, v in times.items() if v}
    print(f"\n{args.rows:,} rows, medians of {args.repeat} (wall / cpu):")
    print(f"  civicdesk        {wall['civicdesk']:.2f} s / {cpu['civicdesk']:.2f} s"
          f"  ({pages_of(folder / 'ours.pdf')} pages)")
    print(f"  canvas baseline  {wall['canvas']:.2f} s / {cpu['canvas']:.2f} s"
          f"  ({pages_of(folder / 'canvas.pdf')} pages)")
    if office:
        print(f"  LibreOffice      {wall['libreoffice']:.2f} s / {cpu['libreoffice']:.2f} s  "
              f"({pages_of(folder / 'register.pdf')} pages)")
    print(f"ratio civicdesk / canvas: {wall['civicdesk'] / wall['canvas']:.2f}x wall, "
          f"{cpu['civicdesk'] / cpu['canvas']:.2f}x cpu" +
          (f"; civicdesk / LibreOffice: {wall['civicdesk'] / wall['libreoffice']:.2f}x wall" if office else
           "; LibreOffice not measured (" + ("--no-office" if args.no_office else "soffice not on PATH") + ")"))
    db.close()
    if args.big:
        big = build(folder / f"print_{args.big}.sqlite3", args.big)
        big.close()
        big_run(folder / f"print_{args.big}.sqlite3", folder / "big.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
