"""Alembic environment: runs on the connection the caller hands over (``config.attributes['connection']``)."""

from __future__ import annotations

from alembic import context

from civicdesk.models.base import Base
import civicdesk.models  # noqa: F401  (registers every table on Base.metadata)

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # e.g. `alembic revision --autogenerate` during development
        from civicdesk.models.engine import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
