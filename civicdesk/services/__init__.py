"""Everything the office does, as plain Python over the models. Never imports Qt."""
