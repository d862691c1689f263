"""What every feature shares: databases, bulk inserts, reference data, identifier rules."""
