"""The words of the command line: usage, internal errors, its tables and summaries."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "cli.internal": (
        "内部错误（{kind}）：操作已中止，未完成的更改已撤销。请把此行告知技术支持。",
        "Internal error ({kind}): the operation stopped and its unfinished changes were undone. "
        "Please report this line.",
    ),
    "cli.bad_argument": (
        "命令行参数含有无法识别的字符（不是有效的 UTF-8）：{value}",
        "A command-line argument holds characters that are not valid UTF-8: {value}",
    ),
    "cli.usage": ("{message}（civicdesk {command} --help 查看用法）", "{message} (see civicdesk {command} --help)"),
    "cli.number_range": ("“{option}”应为 {low} 到 {high} 之间的整数：“{value}”。",
                         "'{option}' must be a whole number from {low} to {high}: '{value}'."),
    # what the commands print (their tables' words and summaries)
    "cli.init.done": ("已初始化：{name}（{code}，{level:@office_level}），数据库 {database}",
                      "Set up: {name} ({code}, {level:@office_level}), database {database}"),
    "office_level.district": ("区县民政局", "district office"),
    "office_level.city": ("市民政局", "city office"),
    "cli.demo.already_loaded": ("演示数据已载入，未重复载入。", "Demo data already loaded; nothing added."),
    "cli.org.count": ("共 {count:,} 个组织", "{count:,} organizations"),
    "cli.search.total": ("共 {total:,} 个匹配", "{total:,} matches"),
    "cli.search.hidden": ("，另有 {hidden:,} 个未列出（用 --limit {total} 全部列出）",
                          "; {hidden:,} not shown (--limit {total} lists them all)"),
    "cli.list_separator": ("，", ", "),
    "cli.stats.scope": ("{name}（{code}）", "{name} ({code})"),
    "cli.stats.registered": (
        "  登记社会组织 {registered:,} 个：社会团体 {social_group:,}，民办非企业单位 {social_service:,}，"
        "基金会 {foundation:,}",
        "  Registered social organizations: {registered:,} (social groups {social_group:,}, "
        "social service organizations {social_service:,}, foundations {foundation:,})"),
    "cli.stats.community": (
        "  社区社会组织 {total:,} 个：登记 {registered:,}，乡镇（街道）备案 {filed:,}，"
        "纳入村（社区）指导管理 {guided:,}",
        "  Community social organizations: {total:,} (registered {registered:,}, filed with a "
        "township {filed:,}, under village/community guidance {guided:,})"),
    "cli.stats.of_which": ("  其中：{items}", "  Of which: {items}"),
    "cli.stats.per_10k": (
        "  每万人拥有社会组织 {per_10k} 个（按{year}年{basis:@cli.stats.basis} {population:,} 人计）",
        "  Social organizations per 10,000 people: {per_10k} ({year} {basis:@cli.stats.basis} {population:,})"),
    "cli.stats.basis.household": ("户籍人口", "registered (hukou) population"),
    "cli.stats.basis.resident": ("常住人口", "resident population"),
    "cli.stats.elsewhere": (
        "  登记簿中存续的组织：本单位登记 {own:,} 个，{by:@cli.stats.by}登记 {others:,} 个"
        "（随同步包到达，已计入以上数字）",
        "  Existing organizations in the register: {own:,} registered by this office, {others:,} by "
        "{by:@cli.stats.by} (arrived in sync packages, counted above)"),
    "cli.stats.by.district": ("市局", "the city bureau"),  # a district office: the city registered the others
    "cli.stats.by.city": ("区县", "district and county bureaus"),
    "cli.filing.count": ("共 {count} 件", "{count} filings"),
    "cli.print.written": ("已生成：{path}（{title}，共 {pages} 页，{version:@cli.print.version}）",
                          "Written: {path} ({title}, {pages} pages, {version:@cli.print.version})"),
    "cli.print.version.public": ("公开版", "public"),
    "cli.print.version.internal": ("内部版", "internal"),
    "cli.print.substitution": ("字体替代：{line}", "font substitution: {line}"),
    "cli.office.card_written": ("已写出本单位名片：{path}", "Card written: {path}"),
    "cli.office.fingerprint": ("指纹：{fingerprint}", "Fingerprint: {fingerprint}"),
    "cli.office.same_keys": ("该单位已信任，密钥未变。", "Already trusted with these keys."),
    "cli.office.key_changed": ("警告：该单位的密钥已更改！原指纹 {fingerprint}",
                               "WARNING: this office's key CHANGED! Old fingerprint {fingerprint}"),
    "cli.office.trusted": ("已信任。", "Trusted."),
    "cli.users.password_changed": ("密码已修改。", "Password changed."),
    # what a terminal prompt asks for (typed, never shown)
    "cli.prompt.password": ("用户 {user} 的密码", "Password of user {user}"),
    "cli.prompt.old_password": ("用户 {user} 的原密码", "Current password of user {user}"),
    "cli.prompt.new_password": ("新密码", "New password"),
    "cli.prompt.user_password": ("用户 {user} 的密码", "Password for the new user {user}"),
    "cli.prompt.admin_password": ("管理员 {user} 的密码", "Password of the administrator {user}"),
    "cli.prompt.again": ("再次输入{label}", "{label} again"),
    "cli.prompt.key_passphrase": ("同步密钥口令（保护本单位私钥，至少8位）",
                                  "Sync key passphrase (protects this office's private keys, at least 8 characters)"),
    "cli.prompt.fingerprint": ("请电话核对指纹，一致请输入 yes",
                               "Compare the fingerprint by phone; type yes if it is the same"),
    "user_state.active": ("在用", "active"),
    "user_state.disabled": ("已停用", "disabled"),
    # ledger import and export reports
    "cli.ledger.file": ("{file}（{sheet}，表头在第 {header_row} 行）", "{file} ({sheet}, header on row {header_row})"),
    "cli.ledger.counts": (
        "数据行 {rows}：新增 {new}，变更 {changed}，无变化 {unchanged}，不合格 {invalid}；跳过 {skipped}",
        "{rows} data rows: {new} new, {changed} changed, {unchanged} unchanged, {invalid} invalid; {skipped} skipped"),
    "cli.ledger.problem_at_column": ("  第 {row} 行 {label}（{column}列）：{message}{mark}",
                                     "  row {row} {label} ({column}): {message}{mark}"),
    "cli.ledger.problem": ("  第 {row} 行 {label}：{message}{mark}", "  row {row} {label} (-): {message}{mark}"),
    "cli.ledger.mark.warning": ("（提示）", " (warning)"),
    "cli.ledger.mark.info": ("（已推定）", " (derived)"),
    "cli.ledger.change": ("  第 {row} 行 变更 {name}：{fields}", "  row {row} changes {name}: {fields}"),
    "cli.ledger.change_item": ("{label}：{old} → {new}", "{label}: {old} → {new}"),
    "cli.ledger.empty": ("（空）", "(empty)"),
    "cli.ledger.note": ("  注：{message}", "  note: {message}"),
    "cli.ledger.dry_run": ("试运行：未写入数据库。", "Dry run: nothing written."),
    "cli.ledger.rejected_file": ("不合格行已另存为 {path}", "Rejected rows saved to {path}"),
    "cli.ledger.exported": ("已导出 {rows} 个组织到 {path}", "Exported {rows} organizations to {path}"),
    "cli.ledger.template": ("已导出模板 {path}", "Template written to {path}"),
    # sync: export, import, status
    "cli.sync.exported_full": ("{file}\t第 {seq} 号\t全部数据 {changes} 条", "{file}\t#{seq}\t{changes} rows (full)"),
    "cli.sync.exported_changes": ("{file}\t第 {seq} 号\t变更 {changes} 条", "{file}\t#{seq}\t{changes} changes"),
    "cli.sync.resent": ("已写出 {path}（SHA-256 {sha256}）", "Written: {path} (SHA-256 {sha256})"),
    "cli.sync.resolved": ("已解决：{id}", "Resolved: {id}"),
    "cli.sync.new_epoch": ("已开始第 {epoch} 轮发送。", "Epoch {epoch} started."),
    "cli.sync.none": ("无", "none"),
    "cli.sync.more": ("等 {count} 项", "and {count} more"),
    "cli.enum_separator": ("、", ", "),
    "cli.sync.no_number": ("—", "-"),
    "cli.sync.status_office": ("{name}（{code}），第 {epoch} 轮", "{name} ({code}), epoch {epoch}"),
    "cli.sync.status_peer": (
        "  {code} {name}：已发送至第 {sent} 号，对方已确认至第 {acknowledged} 号，未确认：{unacknowledged}；"
        "已收到至第 {received} 号，缺少：{missing}，暂存：{parked}",
        "  {code} {name}: sent up to #{sent}, acknowledged up to #{acknowledged}, unacknowledged: {unacknowledged};"
        " received up to #{received}, missing: {missing}, parked: {parked}"),
    "cli.sync.open_conflicts": ("  未解决的冲突：{count} 个", "  Open conflicts: {count}"),
    "cli.sync.quarantined": ("  已隔离的同步包：{count} 个", "  Quarantined packages: {count}"),
    "cli.sync.count.inserted": ("新增", "added"),
    "cli.sync.count.updated": ("更新", "updated"),
    "cli.sync.count.merged": ("合并", "merged"),
    "cli.sync.count.skipped": ("跳过（已有）", "skipped (held already)"),
    "cli.sync.count.conflicts": ("冲突", "conflicts"),
    "cli.sync.count.divisions": ("区划", "divisions"),
    "cli.sync.count.resolved": ("冲突了结", "conflicts settled"),
    "cli.sync.figures": ("：{items}", ": {items}"),
    "cli.sync.package": ("{origin} 第 {seq} 号", "{origin} #{seq}"),
    "cli.sync.applied": ("{name}：已导入{what}同步包{figures}。", "{name}: imported package {what}{figures}."),
    "cli.sync.already_imported": ("{name}：此前已导入，未作更改。", "{name}: imported before; nothing changed."),
    "cli.sync.parked": ("{name}：已暂存，等前面缺少的同步包到达后自动导入。",
                        "{name}: parked until the packages before it arrive; it is applied then."),
    "cli.sync.refused": ("{name}：拒收。{message}", "{name}: refused. {message}"),
    # register commands: org add, org show, search, demo
    "cli.org.added": ("已录入：{name}（id {id}）", "Entered: {name} (id {id})"),
    "cli.demo.loaded": ("已载入演示数据（{scope}）：组织 {organizations} 个，人员 {people} 人，"
                        "变更记录 {changes} 条，村（社区）{communities} 个。",
                        "Demo data loaded ({scope}): {organizations} organizations, {people} people, "
                        "{changes} change records, {communities} villages/communities."),
    "cli.yes": ("是", "yes"),
    "cli.no": ("否", "no"),
    "cli.division": ("{name}（{code}）", "{name} ({code})"),
    "cli.show.person": ("  人员: {role} {name} {id_number} {state:@cli.show.person_state}",
                        "  Person: {role} {name} {id_number} {state:@cli.show.person_state}"),
    "cli.show.person_state.current": ("现任", "current"),
    "cli.show.person_state.former": ("离任", "former"),
    "cli.show.change": ("  变更: {changed_on} {label}: {old} -> {new} {document_no}",
                        "  Change: {changed_on} {label}: {old} -> {new} {document_no}"),
    "cli.search.matched": ("（{fields}）", "({fields})"),
    "search_field.name": ("名称", "name"),
    "search_field.address": ("住所", "address"),
    "search_field.legal_rep_name": ("法定代表人", "legal representative"),
    "search_field.uscc": ("统一社会信用代码", "USCC"),
    "search_field.pinyin": ("拼音", "pinyin"),
    "search_field.initials": ("拼音首字母", "initials"),
}
