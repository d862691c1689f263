"""The register of organizations: read, write, search, browse, statistics."""
