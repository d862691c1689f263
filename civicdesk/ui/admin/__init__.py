"""Administration: first-start wizard, login, users, audit viewer."""
