"""``civicdesk office``: this office's card, trusting other offices' cards, the list of trusted offices."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from civicdesk.commands.common import acting_user, open_db, print_json, prompt
from civicdesk.errors import InputError
from civicdesk import messages


def add_parsers(sub: Any) -> dict[str, Any]:
    office = sub.add_parser("office", help="本单位名片与已信任的单位 / office cards and trust")
    office_sub = office.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    p = office_sub.add_parser("card", help="写出本单位名片（公钥）/ write this office's card")
    p.add_argument("-o", "--output", required=True, type=Path, help="名片文件，如 511111.cdcard")
    p = office_sub.add_parser("trust", help="核对指纹后信任另一单位的名片 / trust another office's card")
    p.add_argument("card", type=Path, help="对方单位的名片文件（.cdcard）")
    p.add_argument("--yes", action="store_true", help="已电话核对指纹，不再询问")
    p.add_argument("--json", action="store_true")
    p = office_sub.add_parser("list", help="本单位与已信任的单位 / this office and trusted offices")
    p.add_argument("--json", action="store_true")
    return {"office": cmd_office}


def cmd_office(options: argparse.Namespace) -> int:
    from civicdesk.services.sync import keys

    db = open_db(options)
    try:
        lang = options.lang
        if options.office_command == "card":
            user = acting_user(options, db)
            data = keys.make_card(db, keys.passphrase_for(db, by=user), by=user)
            options.output.write_bytes(data)
            card = keys.parse_card(data)
            print(messages.text("cli.office.card_written", lang, path=options.output))
            print(messages.text("cli.office.fingerprint", lang, fingerprint=card.fingerprint))
            return 0
        if options.office_command == "trust":
            user = acting_user(options, db)  # trusting another office's keys is an admin's act: trust_card checks
            if not options.card.is_file():
                raise InputError("sync.file_missing", path=str(options.card))
            data = options.card.read_bytes()
            check = keys.check_card(db, data, str(options.card))
            card = check.card
            out = sys.stderr if options.json else sys.stdout
            print(f"{card.name}（{card.office_code}，{card.level}）", file=out)
            print(messages.text("cli.office.fingerprint", lang, fingerprint=card.fingerprint), file=out)
            if check.known and check.same_keys:
                print(messages.text("cli.office.same_keys", lang), file=out)
            elif check.known:
                print(messages.text("cli.office.key_changed", lang, fingerprint=check.previous_fingerprint), file=out)
            if not options.yes:
                if not sys.stdin or not sys.stdin.isatty():
                    raise InputError("sync.confirm_needed")
                answer = input(prompt(lang, "cli.prompt.fingerprint"))
                if answer.strip().lower() not in ("yes", "y", "是"):
                    raise InputError("sync.not_confirmed")
            keys.trust_card(db, data, str(options.card), by=user)
            if options.json:
                print_json({"code": card.office_code, "name": card.name, "level": card.level,
                             "fingerprint": card.fingerprint, "changed_key": check.known and not check.same_keys})
            else:
                print(messages.text("cli.office.trusted", lang))
            return 0
        entries = keys.list_offices(db)
        if options.json:
            print_json([e.__dict__ for e in entries])
        else:
            for e in entries:
                mark = "本单位" if e.local else "已信任"
                print(f"{e.code}\t{e.name}\t{e.level}\t{mark}\t{e.fingerprint}")
        return 0
    finally:
        db.close()
