"""scale: the same pure stages on more processes.

`pool.ProcessPool` spreads each batch of `pipeline.run` over local worker processes
(`eventscope run --workers N`); `dask_run.run_on_dask` runs them on a Dask cluster with
Parquet partitions in between (`eventscope run --executor dask`). The store stays the only
writer in both.
"""
