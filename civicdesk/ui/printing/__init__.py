"""Printing: the print dialog and its preview."""
