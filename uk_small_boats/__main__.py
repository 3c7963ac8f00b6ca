"""``python -m uk_small_boats``: the same as the ``uk-small-boats`` console script."""

from .cli import main

main()
