"""Validation: frictionless for the Data Package, pandera for dataframe and cross-table rules."""
