"""The words of an office server (PostgreSQL) as the GUI opens it and watches its connection."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "server.bad_url": (
        "数据库服务器地址无效（{reason}）：应为 postgresql://用户名@主机:端口/数据库名。",
        "The database server address is not valid ({reason}): write postgresql://user@host:port/database.",
    ),
    "server.unreachable": (
        "无法连接数据库服务器“{server}”（{reason}）：请检查网络和地址，或请管理员确认服务器已启动。",
        "Cannot reach the database server '{server}' ({reason}): check the network and the address, or ask the "
        "administrator whether the server is running.",
    ),
    "server.login_refused": (
        "数据库服务器“{server}”拒绝了用户“{user}”的登录：请检查用户名和密码。",
        "The database server '{server}' refused the login of user '{user}': check the user name and the password.",
    ),
    "server.no_database": (
        "数据库服务器“{server}”上没有数据库“{database}”：请检查数据库名，或请管理员先建立它。",
        "The database server '{server}' has no database '{database}': check its name, or ask the administrator "
        "to create it.",
    ),
    "server.lost": (
        "与数据库服务器“{server}”的连接已中断（{reason}）。窗口暂为只读，未完成的操作没有写入任何内容；"
        "每 {seconds} 秒自动重试。",
        "The connection to the database server '{server}' was lost ({reason}). The window is read-only for now; "
        "nothing half-done was written. Retrying every {seconds} seconds.",
    ),
}
