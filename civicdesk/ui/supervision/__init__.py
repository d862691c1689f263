"""The 监管 workbench: annual inspection, rating evaluation, spot checks, what is due, and the parameters."""
