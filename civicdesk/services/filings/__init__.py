"""Filings (申请事项): applications that change the register once approved."""
