"""The source archive: finding documents on the search path and proving they are the ones curated."""
