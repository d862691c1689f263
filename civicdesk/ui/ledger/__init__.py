"""Ledgers: the import wizard and the export actions."""
