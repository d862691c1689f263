"""PySide6 windows, dialogs, table models and workers. Calls services; never imports SQLAlchemy."""
