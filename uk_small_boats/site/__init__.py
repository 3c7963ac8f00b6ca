"""The documentation site: pages generated from schemas/ and the built data, built with mkdocs-material."""
