"""Sync: the Sync window, its tabs and dialogs."""
