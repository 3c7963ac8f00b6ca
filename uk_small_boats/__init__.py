"""uk-small-boats: Channel small-boat crossings, UK-France policy, and the claims made about them.

The package reads like the pipeline: archive -> official / extract -> curate -> check -> validate
-> build -> site. ``metadata`` holds the single source of truth (the Table Schemas).
"""

__version__ = "0.1.0"
