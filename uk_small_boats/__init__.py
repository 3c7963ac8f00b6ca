"""uk-small-boats: Channel small-boat crossings, UK-France policy, and the claims made about them.

The package reads like the pipeline: archive -> official -> extract -> curate -> check -> validate
-> publish -> site; ``pipeline`` runs them in that order. ``metadata`` holds the single source of
truth (the Table Schemas) that every stage reads; a stage imports only from earlier ones.
"""

__version__ = "0.1.0"
