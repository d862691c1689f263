"""Users and permissions, the audit trail, the office, the demo register, database health."""
