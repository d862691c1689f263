"""The words of sync; refusal reasons of a package are codes ``sync.refused.*``."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "sync.passphrase_needed": (
        "需要密钥口令：请设置环境变量 CIVICDESK_KEY_PASSPHRASE，或在终端中运行以输入口令。",
        "The key passphrase is needed: set CIVICDESK_KEY_PASSPHRASE or run this in a terminal to type it.",
    ),
    "sync.passphrase_wrong": ("密钥口令不正确。", "The key passphrase is wrong."),
    "sync.passphrase_short": ("密钥口令至少需要 8 个字符。", "The key passphrase needs at least 8 characters."),
    "sync.no_keys": ("本单位尚未生成同步密钥。", "This office has no sync keys yet."),
    "sync.confirm_needed": (
        "需要确认：请核对指纹后加上 --yes 再运行（非交互方式下不会等待输入）。",
        "Confirmation needed: compare the fingerprint, then run again with --yes (no prompt without a terminal).",
    ),
    "sync.not_confirmed": ("未确认，未信任该单位。", "Not confirmed; the office was not trusted."),
    "sync.card_invalid": ("“{path}”不是有效的单位名片：{reason}", "'{path}' is not a valid office card: {reason}"),
    "sync.card_self": ("这是本单位自己的名片，无需信任。",
                       "This is this office's own card; there is nothing to trust."),
    "sync.unknown_office": (
        "尚未信任单位 {code}：请先用 civicdesk office trust 导入其名片。",
        "Office {code} is not trusted: import its card with 'civicdesk office trust' first.",
    ),
    "sync.no_package": (
        "没有发给 {code} 的第 {epoch} 轮第 {seq} 号同步包。",
        "No package {seq} (epoch {epoch}) was sent to {code}.",
    ),
    "sync.output_exists": ("文件“{path}”已存在，未覆盖。", "The file '{path}' exists; not overwritten."),
    "sync.output_unwritten": (
        "同步包第 {seq} 号已生成并记为已发送，但未能写出“{path}”（{reason}）。"
        "请用 civicdesk sync resend --to {to} --seq {seq} -o 文件名 重新写出同一个包。",
        "Package {seq} was made and recorded as sent, but '{path}' could not be written ({reason}). Write the same"
        " package again with: civicdesk sync resend --to {to} --seq {seq} -o FILE",
    ),
    "sync.output_dir": ("无法使用文件夹“{path}”（不能创建，或不是文件夹）。",
                        "The folder '{path}' cannot be used (it cannot be made, or is not a folder)."),
    "sync.conflict_not_found": ("未找到冲突“{id}”。", "No conflict '{id}'."),
    "sync.conflict_resolved": ("冲突“{id}”已于 {at} 解决。", "Conflict '{id}' was resolved at {at}."),
    "sync.conflict_newer": ("这条记录还有更新的冲突“{newer}”涉及相同字段：请先处理它（较早的冲突“{id}”随之了结）。",
                            "This record has a newer conflict '{newer}' about the same fields: resolve it first (the"
                            " older conflict '{id}' is settled with it)."),
    "sync.merge_values": (
        "合并需要为每个冲突字段给出取值：缺少 {fields}。",
        "A merge needs a value for every conflicting field: missing {fields}.",
    ),
    "sync.merge_field": ("字段“{field}”不在该冲突中。", "Field '{field}' is not part of this conflict."),
    "sync.file_missing": ("找不到文件“{path}”。", "File '{path}' not found."),
    # refusals of a package: nothing of it is written
    "sync.refused.size": ("文件过大或大小异常（{detail}）。",
                          "The file is too large or its sizes are wrong ({detail})."),
    "sync.refused.empty": ("文件为空。", "The file is empty."),
    "sync.refused.zip": ("不是有效的同步包（ZIP 结构损坏：{detail}）。",
                         "Not a valid sync package (broken zip: {detail})."),
    "sync.refused.members": (
        "同步包内容不符：应恰好包含 manifest.json、manifest.sig、payload.bin（{detail}）。",
        "Wrong package members: exactly manifest.json, manifest.sig and payload.bin expected ({detail}).",
    ),
    "sync.refused.compressed": ("同步包成员被压缩（只接受存储方式）：{detail}",
                                "A package member is compressed (only stored members): {detail}"),
    "sync.refused.overlap": ("同步包成员相互重叠（可疑的压缩炸弹）。",
                             "Package members overlap (a suspected zip bomb)."),
    "sync.refused.signature_format": ("签名文件格式错误：{detail}", "The signature file is malformed: {detail}"),
    "sync.refused.unknown_key": (
        "签名密钥 {key_id} 不属于任何已信任的单位（如对方更换了密钥，请重新核对并信任其名片）。",
        "The signing key {key_id} belongs to no trusted office (if the office changed its key, trust its new card).",
    ),
    "sync.refused.signature": ("签名无效：文件被篡改或损坏。", "Invalid signature: the file was altered or damaged."),
    "sync.refused.manifest": ("清单（manifest）无效：{detail}", "Invalid manifest: {detail}"),
    "sync.refused.future_format": (
        "同步包格式版本 {version} 较新，本程序无法读取，请升级。",
        "Package format {version} is newer than this program reads; upgrade CivicDesk.",
    ),
    "sync.refused.newer_schema": (
        "同步包来自较新的数据库结构（{schema}），请升级本程序。",
        "The package comes from a newer database schema ({schema}); upgrade CivicDesk.",
    ),
    "sync.refused.sender_key": (
        "签名密钥与发送单位 {office} 不符。", "The signing key does not belong to the sending office {office}.",
    ),
    "sync.refused.not_for_us": (
        "同步包是发给 {recipient} 的，不是本单位（{local}）。",
        "The package is addressed to {recipient}, not to this office ({local}).",
    ),
    "sync.refused.recipient_key": (
        "同步包加密所用的密钥 {key_id} 不是本单位的密钥。",
        "The package is encrypted for key {key_id}, not one of ours.",
    ),
    "sync.refused.payload_hash": ("数据部分的校验值不符：文件被篡改或损坏。",
                                  "The payload hash does not match: altered or damaged."),
    "sync.refused.decrypt": ("无法解密数据部分：{detail}", "The payload cannot be decrypted: {detail}"),
    "sync.refused.payload": ("数据内容无效：{detail}", "Invalid payload: {detail}"),
    "sync.refused.previous_hash": (
        "同步包链条断裂：第 {seq} 号所记前一包的校验值与已导入的不符。",
        "Broken chain: package {seq} names a previous package other than the one imported.",
    ),
    "sync.refused.seq_reused": (
        "警告：{origin} 的第 {seq} 号同步包已导入过不同内容，本文件已隔离。",
        "Alarm: package {seq} of {origin} was already imported with other content; this file is quarantined.",
    ),
    # jurisdiction, identity and values of what arrives (services/sync/trust.py)
    "sync.refused.foreign_row": (
        "拒收：发送单位无权更改不属于它的记录（{entity} {id}，属于 {owner}），整个同步包未导入。",
        "Refused: the sender may not change a row it does not own ({entity} {id}, owned by {owner}); nothing of the"
        " package was imported.",
    ),
    "sync.refused.forged_origin": (
        "拒收：记录 {entity} {id} 的来源单位为 {origin}，不是发送单位 {sender}。",
        "Refused: row {entity} {id} claims origin office {origin}, not the sender {sender}.",
    ),
    "sync.refused.not_ours_to_see": (
        "拒收：同步包含有本单位无权接收的记录（{entity} {id}，位于 {place}）。",
        "Refused: the package holds a row this office may not receive ({entity} {id}, located in {place}).",
    ),
    "sync.refused.division": (
        "拒收：区划 {division} 不符合参考数据规则（{reason}）；区划只能由市局按参考数据下发。",
        "Refused: division {division} breaks the reference rules ({reason}); divisions come from the city only as the"
        " reference data allows.",
    ),
    "sync.refused.invalid_row": (
        "拒收：记录 {entity} {id} 的字段 {field} 的值无效（{detail:bilingual}）。",
        "Refused: row {entity} {id} has an invalid value in {field} ({detail:bilingual}).",
    ),
    "sync.refused.duplicate": (
        "拒收：同步包中的记录与已有记录重复（{field}）。",
        "Refused: a row of the package duplicates one held here ({field}).",
    ),
    "sync.card_not_city": (
        "名片“{path}”自称市级单位，但其代码 {code} 不是本市（{city}）的代码：不予信任。",
        "The card '{path}' claims the city level, but its code {code} is not the city's ({city}): not trusted.",
    ),
    "sync.card_city_level": (
        "名片“{path}”的代码 {code} 是本市的代码，级别却是 {level}：不予信任。",
        "The card '{path}' has the city's code {code} but the level {level}: not trusted.",
    ),
    "sync.refused.apply": ("无法应用同步包（已全部撤销）：{detail}",
                           "The package could not be applied (all undone): {detail}"),
    "sync.keys_exist": ("本单位已有同步密钥，未重新生成。", "This office has sync keys already; none were made."),
    "sync.card_write": ("无法写入名片文件“{path}”：{reason}", "Cannot write the card file '{path}': {reason}"),
}
