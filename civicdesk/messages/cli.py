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
    "user_state.active": ("在用", "active"),
    "user_state.disabled": ("已停用", "disabled"),
}
