"""Extract figures from English news text about Channel crossings: numbers, qualifiers, metrics, periods.

Each step is a small module of named rules; ``claims.extract_claims`` puts them together.
"""
