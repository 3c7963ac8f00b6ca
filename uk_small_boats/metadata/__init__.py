"""The single source of truth: the source descriptor (datapackage.json) and Table Schemas (schemas/)."""
