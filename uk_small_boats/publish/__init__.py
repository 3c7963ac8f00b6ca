"""Writing the published outputs: CSV, Parquet, DuckDB and the Data Package descriptor."""
