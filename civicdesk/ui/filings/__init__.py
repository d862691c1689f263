"""Filings: review queue, filing dialog, filings menus, four-eyes reasons."""
