"""Curation: machine extraction plus reviewed overrides, and evidence checks against the archive."""
