"""Page generators of the documentation site, one module per part of the site."""
