"""Supervision (监管): annual inspection, rating evaluation, spot checks, and the parameters they run on."""
