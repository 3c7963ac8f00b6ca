"""The Home Office's official small-boats time series."""
