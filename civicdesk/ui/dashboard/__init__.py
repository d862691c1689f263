"""The director's dashboard (概览): tiles and charts of the office's figures (see panel.py)."""
