"""``civicdesk sync``: export, resend, import, status, conflicts and their resolution (docs/SYNC.md)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from civicdesk.commands.common import acting_user, open_db, print_json
from civicdesk.errors import InputError
from civicdesk import messages

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


def _check_output(options: argparse.Namespace) -> None:
    """``-o`` naming a folder that exists: the packages go into it, named as ``--dir`` names them; naming a file in
    a folder that does not exist: refused before anything is made."""
    output = options.output
    if output is None:
        return
    if output.is_dir():
        options.dir, options.output = output, None
    elif not output.parent.is_dir():
        raise InputError("sync.output_dir", path=str(output.parent))


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)


def _numbers(values: Sequence[Any], lang: str) -> str:
    """Package numbers, ranges of them (pairs) as first–last: 无 / none for an empty list."""
    if not values:
        return messages.label("cli.sync.none", lang)
    ranged = (list, tuple)
    parts = [f"{v[0]}–{v[1]}" if isinstance(v, ranged) and v[0] != v[1] else str(v[0] if isinstance(v, ranged) else v)
             for v in values[:20]]
    more = len(values) - 20
    if more > 0:
        parts.append(messages.text("cli.sync.more", lang, count=more))
    return messages.label("cli.enum_separator", lang).join(parts)


def _status_lines(data: Any, lang: str) -> list[str]:
    """``sync status`` (a :class:`~civicdesk.services.sync.status.SyncStatus`) as sentences, in the chosen
    language."""
    lines = [messages.text("cli.sync.status_office", lang, name=data.office_name, code=data.office_code,
                           epoch=data.epoch)]
    for o in data.offices:
        sent = o.last_sent.seq if o.last_sent else None
        lines.append(messages.text(
            "cli.sync.status_peer", lang, code=o.code, name=o.name,
            sent=sent if sent is not None else messages.label("cli.sync.no_number", lang),
            acknowledged=o.acknowledged.seq, unacknowledged=_numbers(o.unacknowledged, lang),
            received=o.received.seq, missing=_numbers(o.missing, lang), parked=_numbers(o.parked, lang)))
    lines.append(messages.text("cli.sync.open_conflicts", lang, count=data.open_conflicts))
    if data.quarantined:
        lines.append(messages.text("cli.sync.quarantined", lang, count=data.quarantined))
    return lines


#: the import's figures, in this order (words: the catalogue's ``cli.sync.count.*``)
_COUNT_KEYS = ("inserted", "updated", "merged", "skipped", "conflicts", "divisions", "resolved")


def _import_sentence(r: Any, lang: str) -> str:
    """One imported file as a sentence (``--json`` gives the figures as data)."""
    what = messages.text("cli.sync.package", lang, origin=r.origin, seq=r.seq) if r.origin else ""
    counts = [f"{messages.label(f'cli.sync.count.{key}', lang)} {r.counts[key]}" for key in _COUNT_KEYS
              if r.counts.get(key)]
    figures = messages.text("cli.sync.figures", lang, items=messages.label("cli.list_separator", lang).join(counts)) \
        if counts else ""
    if r.status == "applied":
        return messages.text("cli.sync.applied", lang, name=r.name, what=what, figures=figures)
    if r.status in ("already_imported", "parked"):
        return messages.text(f"cli.sync.{r.status}", lang, name=r.name)
    return messages.text("cli.sync.refused", lang, name=r.name, message=r.message_zh if messages.is_zh(lang)
                         else r.message)


def cmd_sync(options: argparse.Namespace) -> int:
    from civicdesk.services.sync import conflicts, incoming, keys, outgoing, status, streams

    lang = options.lang
    db = open_db(options)
    try:
        command = options.sync_command
        # who acts (the service checks what they may do); status and the masked conflict list only read
        reveal = command == "conflicts" and options.reveal
        user = acting_user(options, db) if command not in ("status", "conflicts") or reveal else None
        if command == "export":
            _check_output(options)  # before the packages are made and recorded as sent
            packages = outgoing.export(db, options.to, keys.passphrase_for(db, by=user), full=options.full, by=user)
            written = []
            for i, p in enumerate(packages):
                path = _target(options, p.file_name, i == 0)
                try:
                    _write(path, p.data)
                except OSError as exc:  # recorded as sent already: the clerk is told how to write it again
                    raise InputError("sync.output_unwritten", path=str(path), seq=p.seq, to=options.to,
                                     reason=exc.strerror or str(exc)) from None
                written.append({"file": str(path), "epoch": p.epoch, "seq": p.seq, "sha256": p.sha256,
                                "full": p.full, "changes": p.changes, "counts": p.counts})
            if options.json:
                print_json(written)
            else:
                for w in written:
                    code = "cli.sync.exported_full" if w["full"] else "cli.sync.exported_changes"
                    print(messages.text(code, lang, file=w["file"], seq=w["seq"], changes=w["changes"]))
            return 0
        if command == "resend":
            _check_output(options)
            p = outgoing.resend(db, options.to, options.seq, options.epoch, by=user)
            path = _target(options, p.file_name, True)
            _write(path, p.data)
            print(messages.text("cli.sync.resent", lang, path=path, sha256=p.sha256))
            return 0
        if command == "import":
            results = incoming.import_files(db, options.files, keys.passphrase_from_env_or_prompt(), by=user)
            if options.json:
                print_json([r.as_dict() for r in results])
            else:
                for r in results:
                    print(_import_sentence(r, lang))
            return EXIT_REFUSED if any(r.status == "refused" for r in results) else 0
        if command == "status":
            data = status.status(db)
            if options.json:
                print_json(data.as_dict())
            else:
                for line in _status_lines(data, lang):
                    print(line)
            return 0
        if command == "conflicts":
            rows = conflicts.list_conflicts(db, open_only=options.open, reveal=options.reveal, by=user)
            if options.json:
                print_json([r.as_dict() for r in rows])
            else:
                for r in rows:
                    state = "open" if r.resolved_at is None else f"resolved {r.resolved_at}"
                    print(f"{r.id}\t{r.entity}\t{r.label}\t{state}")
                    local, remote, now = r.local_values, r.remote_values, r.current_values  # masked unless revealed
                    for f in r.fields:
                        print(f"    {f}: local={local.get(f)!r} remote={remote.get(f)!r} now={now.get(f)!r}")
            return 0
        if command == "resolve":
            values = {}
            for item in options.set:
                if "=" not in item:
                    raise InputError("input.type", field="--set", expected="FIELD=VALUE")
                k, v = item.split("=", 1)
                values[k] = v
            view = conflicts.resolve_conflict(db, options.id, options.take, values, by=user)
            if options.json:
                print_json(view.as_dict())
            else:
                print(messages.text("cli.sync.resolved", lang, id=view.id))
            return 0
        if command == "new-epoch":
            epoch = streams.new_epoch(db, by=user)
            if options.json:
                print_json({"epoch": epoch})
            else:
                print(messages.text("cli.sync.new_epoch", lang, epoch=epoch))
            return 0
        return 1
    finally:
        db.close()
