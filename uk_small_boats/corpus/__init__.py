"""Check a whole news archive: articles in (Parquet, JSON Lines, .txt), claims and checks out.

``inputs`` cuts the input into partitions, ``partition`` extracts and checks one of them and writes
its files, ``engines`` runs partitions in this process, a process pool or on a Dask cluster, and
``run`` ties them together: resumable, with a summary per publisher and year.
"""
