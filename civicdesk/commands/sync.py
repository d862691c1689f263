"""``civicdesk sync``: export, resend, import, status, conflicts and their resolution (docs/SYNC.md)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_REFUSED = 2


def add_parsers(sub: Any) -> dict[str, Any]:
    sync = sub.add_parser("sync", help="与其他单位通过文件同步 / sync by file with other offices")
    s = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = s.add_parser("export", help="导出发给某单位的同步包")
    p.add_argument("--to", required=True, metavar="OFFICE_CODE", help="收件单位的区划代码，如 511100")
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, help="文件名（拆分为多个包时只用于第一个）")
    where.add_argument("--dir", type=Path, help="写入的文件夹（文件名自动生成）")
    p.add_argument("--full", action="store_true", help="发送全部数据，而不仅是未发送的变更")
    p.add_argument("--json", action="store_true")
    p = s.add_parser("resend", help="重新写出已发送过的同步包（内容完全相同）")
    p.add_argument("--to", required=True, metavar="OFFICE_CODE", help="收件单位的区划代码，如 511100")
    p.add_argument("--seq", required=True, type=int, help="要重发的包的序号")
    p.add_argument("--epoch", type=int, help="包所属的纪元（默认：当前）")
    where = p.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, help="文件名")
    where.add_argument("--dir", type=Path, help="写入的文件夹（文件名自动生成）")
    p = s.add_parser("import", help="导入同步包（可一次多个，顺序不限）")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="同步包文件（.cdsync）")
    p.add_argument("--json", action="store_true")
    p = s.add_parser("status", help="与各单位的同步状态")
    p.add_argument("--json", action="store_true")
    p = s.add_parser("conflicts", help="同步冲突")
    p.add_argument("--open", action="store_true", help="只列出未解决的")
    p.add_argument("--reveal", action="store_true", help="显示完整身份证号码和电话（需要相应权限，记入审计）")
    p.add_argument("--json", action="store_true")
    p = s.add_parser("resolve", help="解决一个冲突：取本单位、对方或合并的值")
    p.add_argument("id", metavar="ID", help="冲突 id（见 sync conflicts）")
    p.add_argument("--take", required=True, choices=("local", "remote", "merge"))
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="合并时每个冲突字段的取值")
    p.add_argument("--json", action="store_true")
    p = s.add_parser("new-epoch", help="从备份恢复数据库后运行：开始新的发送轮次，不重复使用序号")
    p.add_argument("--json", action="store_true")
    return {"sync": cmd_sync}


def _target(options: argparse.Namespace, name: str, first: bool) -> Path:
    from civicdesk.errors import InputError

    if options.dir is not None:
        try:  # the outbox folder is made on first use, as a clerk expects
            options.dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise InputError("sync.output_dir", path=str(options.dir)) from None
        return options.dir / name
    if options.output is not None and first:
        return options.output
    folder = options.output.parent if options.output is not None else Path.cwd()
    return folder / name


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)


def _numbers(values: Sequence[Any], zh: bool) -> str:
    """Package numbers, ranges of them (pairs) as first–last: 无 / none for an empty list."""
    if not values:
        return "无" if zh else "none"
    ranged = (list, tuple)
    parts = [f"{v[0]}–{v[1]}" if isinstance(v, ranged) and v[0] != v[1] else str(v[0] if isinstance(v, ranged) else v)
             for v in values[:20]]
    more = len(values) - 20
    if more > 0:
        parts.append(f"等 {more} 项" if zh else f"and {more} more")
    return "、".join(parts) if zh else ", ".join(parts)


def _status_lines(data: Any, zh: bool) -> list[str]:
    """``sync status`` (a :class:`~civicdesk.services.sync.status.SyncStatus`) as sentences, in the chosen
    language."""
    lines = [f"{data.office_name}（{data.office_code}），第 {data.epoch} 轮" if zh
             else f"{data.office_name} ({data.office_code}), epoch {data.epoch}"]
    for o in data.offices:
        sent = o.last_sent.seq if o.last_sent else None
        if zh:
            lines.append(
                f"  {o.code} {o.name}：已发送至第 {sent if sent is not None else '—'} 号，"
                f"对方已确认至第 {o.acknowledged.seq} 号，未确认：{_numbers(o.unacknowledged, zh)}；"
                f"已收到至第 {o.received.seq} 号，缺少：{_numbers(o.missing, zh)}，"
                f"暂存：{_numbers(o.parked, zh)}")
        else:
            lines.append(
                f"  {o.code} {o.name}: sent up to #{sent if sent is not None else '-'}, acknowledged up to "
                f"#{o.acknowledged.seq}, unacknowledged: {_numbers(o.unacknowledged, zh)}; received up to "
                f"#{o.received.seq}, missing: {_numbers(o.missing, zh)}, parked: {_numbers(o.parked, zh)}")
    lines.append(f"  未解决的冲突：{data.open_conflicts} 个" if zh else f"  Open conflicts: {data.open_conflicts}")
    if data.quarantined:
        lines.append(f"  已隔离的同步包：{data.quarantined} 个" if zh
                     else f"  Quarantined packages: {data.quarantined}")
    return lines


_COUNT_WORDS = (("inserted", "新增", "added"), ("updated", "更新", "updated"), ("merged", "合并", "merged"),
                ("skipped", "跳过（已有）", "skipped (held already)"), ("conflicts", "冲突", "conflicts"),
                ("divisions", "区划", "divisions"), ("resolved", "冲突了结", "conflicts settled"))


def _import_sentence(r: Any, zh: bool) -> str:
    """One imported file as a sentence (``--json`` gives the figures as data)."""
    what = f"{r.origin} 第 {r.seq} 号" if zh and r.origin else f"{r.origin} #{r.seq}" if r.origin else ""
    counts = [f"{zh_word if zh else en_word} {r.counts[key]}" for key, zh_word, en_word in _COUNT_WORDS
              if r.counts.get(key)]
    figures = ("：" + "，".join(counts) if zh else ": " + ", ".join(counts)) if counts else ""
    if r.status == "applied":
        return (f"{r.name}：已导入{what}同步包{figures}。" if zh else f"{r.name}: imported package {what}{figures}.")
    if r.status == "already_imported":
        return f"{r.name}：此前已导入，未作更改。" if zh else f"{r.name}: imported before; nothing changed."
    if r.status == "parked":
        return (f"{r.name}：已暂存，等前面缺少的同步包到达后自动导入。" if zh
                else f"{r.name}: parked until the packages before it arrive; it is applied then.")
    return f"{r.name}：拒收。{r.message_zh}" if zh else f"{r.name}: refused. {r.message}"


def cmd_sync(options: argparse.Namespace) -> int:
    from civicdesk.cli import _open, _print_json, acting_user
    from civicdesk.services.sync import conflicts, incoming, keys, outgoing, status, streams

    zh = options.lang == "zh"
    db = _open(options)
    try:
        command = options.sync_command
        # who acts (the service checks what they may do); status and the masked conflict list only read
        reveal = command == "conflicts" and options.reveal
        user = acting_user(options, db) if command not in ("status", "conflicts") or reveal else None
        if command == "export":
            packages = outgoing.export(db, options.to, keys.passphrase_for(db, by=user), full=options.full, by=user)
            written = []
            for i, p in enumerate(packages):
                path = _target(options, p.file_name, i == 0)
                _write(path, p.data)
                written.append({"file": str(path), "epoch": p.epoch, "seq": p.seq, "sha256": p.sha256,
                                "full": p.full, "changes": p.changes, "counts": p.counts})
            if options.json:
                _print_json(written)
            else:
                for w in written:
                    what = "全部数据" if w["full"] else "变更"
                    print(f"{w['file']}\t第 {w['seq']} 号\t{what} {w['changes']} 条" if zh else
                          f"{w['file']}\t#{w['seq']}\t{w['changes']} {'rows (full)' if w['full'] else 'changes'}")
            return 0
        if command == "resend":
            p = outgoing.resend(db, options.to, options.seq, options.epoch, by=user)
            path = _target(options, p.file_name, True)
            _write(path, p.data)
            print(f"已写出 {path}（SHA-256 {p.sha256}）" if zh else f"Written: {path} (SHA-256 {p.sha256})")
            return 0
        if command == "import":
            results = incoming.import_files(db, options.files, keys.passphrase_from_env_or_prompt(), by=user)
            if options.json:
                _print_json([r.as_dict() for r in results])
            else:
                for r in results:
                    print(_import_sentence(r, zh))
            return EXIT_REFUSED if any(r.status == "refused" for r in results) else 0
        if command == "status":
            data = status.status(db)
            if options.json:
                _print_json(data.as_dict())
            else:
                for line in _status_lines(data, zh):
                    print(line)
            return 0
        if command == "conflicts":
            rows = conflicts.list_conflicts(db, open_only=options.open, reveal=options.reveal, by=user)
            if options.json:
                _print_json([r.as_dict() for r in rows])
            else:
                for r in rows:
                    state = "open" if r.resolved_at is None else f"resolved {r.resolved_at}"
                    print(f"{r.id}\t{r.entity}\t{r.label}\t{state}")
                    local, remote, now = r.local_values, r.remote_values, r.current_values  # masked unless revealed
                    for f in r.fields:
                        print(f"    {f}: local={local.get(f)!r} remote={remote.get(f)!r} now={now.get(f)!r}")
            return 0
        if command == "resolve":
            from civicdesk.errors import InputError

            values = {}
            for item in options.set:
                if "=" not in item:
                    raise InputError("input.type", field="--set", expected="FIELD=VALUE")
                k, v = item.split("=", 1)
                values[k] = v
            view = conflicts.resolve_conflict(db, options.id, options.take, values, by=user)
            if options.json:
                _print_json(view.as_dict())
            else:
                print(("已解决：" if zh else "Resolved: ") + view.id)
            return 0
        if command == "new-epoch":
            epoch = streams.new_epoch(db, by=user)
            if options.json:
                _print_json({"epoch": epoch})
            else:
                print(f"已开始第 {epoch} 轮发送。" if zh else f"Epoch {epoch} started.")
            return 0
        return 1
    finally:
        db.close()
