"""The words of moving an office between back ends (``db copy``), its backups and their restore."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "transfer.target_not_empty": (
        "目标数据库“{target}”不是空的（{table} 表有 {rows} 行）：未写入任何数据，请指定一个新的空数据库。",
        "The target database '{target}' is not empty ({table} holds {rows} rows): nothing was written; "
        "give a new, empty database.",
    ),
    "transfer.same_database": ("目标“{target}”就是源数据库本身：未复制。",
                               "The target '{target}' is the source database itself: nothing was copied."),
    "transfer.copied": ("已复制 {rows} 行，{tables} 个数据表，用时 {seconds:g} 秒：{source} → {target}",
                        "Copied {rows} rows of {tables} tables in {seconds:g} s: {source} -> {target}"),
    "transfer.checked": ("核对：行数与摘要一致，verify 与 audit verify 通过（审计记录 {entries} 条）。",
                         "Checked: row counts and digests equal, verify and audit verify pass "
                         "({entries} audit entries)."),
    "transfer.check_failed": ("核对未通过：{what}", "The check of the copy failed: {what}"),
    "transfer.progress": ("复制中 {table}：{done}/{total} 行", "Copying {table}: {done}/{total} rows"),
    "db.pg_dump_missing": (
        "升级前需要用 pg_dump 备份服务器数据库，但未找到 pg_dump：请安装 PostgreSQL 客户端程序，"
        "或确认已另行备份后加 --no-backup 运行。",
        "Upgrading the server database needs a backup by pg_dump, which was not found on PATH: install the "
        "PostgreSQL client programs, or run with --no-backup once you have a backup of your own.",
    ),
    "backup.program_missing": ("未找到程序 {program}：请安装 PostgreSQL 客户端程序。",
                               "The program {program} was not found on PATH: install the PostgreSQL client programs."),
    "backup.failed": ("备份失败：{reason}", "The backup failed: {reason}"),
    "backup.exists": ("备份文件“{path}”已存在：未覆盖，请换一个文件名。",
                      "The backup file '{path}' exists already: it was not overwritten; choose another name."),
    "backup.missing": ("备份文件“{path}”不存在。", "The backup file '{path}' does not exist."),
    "backup.not_a_backup": ("文件“{path}”不是 CivicDesk 的备份。", "The file '{path}' is not a CivicDesk backup."),
    "backup.wrong_kind": (
        "备份“{path}”属于另一种数据库（SQLite 文件与 PostgreSQL 服务器的备份不能互相恢复；换库请用 db copy）。",
        "The backup '{path}' is of the other kind of database (an SQLite file's backup and a PostgreSQL "
        "server's do not restore into each other; use db copy to move between them).",
    ),
    "backup.newer_schema": (
        "备份“{path}”由较新版本的 CivicDesk 制作（结构版本 {revision}）：未恢复，请先升级本程序。",
        "The backup '{path}' was made by a newer CivicDesk (schema {revision}): nothing was restored; "
        "upgrade CivicDesk first.",
    ),
    "backup.other_office": (
        "备份“{path}”是另一单位（{backup}）的数据，本数据库属于 {office}：未恢复（确需恢复请加 --force）。",
        "The backup '{path}' holds another office's data ({backup}); this database is {office}'s: nothing was "
        "restored (add --force if this is really wanted).",
    ),
    "backup.schedule": ("自动备份方式“{value}”无效（off、close 或 daily）。",
                        "Invalid backup schedule '{value}' (off, close or daily)."),
    "backup.keep_days": ("备份保留天数“{value}”无效（1–3650）。", "Invalid days to keep backups '{value}' (1-3650)."),
    "backup.written": ("已备份到 {path}", "Backed up to {path}"),
    "backup.restored": ("已从 {path} 恢复（单位 {office}）。", "Restored from {path} (office {office})."),
    "backup.confirm_needed": ("恢复将以备份替换当前全部数据：请加 --yes 确认。",
                              "A restore replaces all the current data with the backup's: add --yes to confirm."),
    "restore.busy": ("另有 {sessions} 个程序正在使用该数据库（事务未结束）：未恢复，请各经办人关闭程序后再试。",
                     "{sessions} other programs are in the middle of work on this database: nothing was "
                     "restored; ask the clerks to close their programs and try again."),
    "restore.failed": ("恢复失败，数据库未改变：{reason}",
                       "The restore failed; the database was not changed: {reason}"),
}
