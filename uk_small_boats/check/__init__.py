"""Fact-check: every claim held against the official series, with a verdict and its rule."""
