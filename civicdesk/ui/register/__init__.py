"""The register: table, filter bar, detail pane, organization form and view."""
