"""``credence bulk``: score a whole archive on Dask into Parquet (README, "Scoring an archive").

Needs the ``bulk`` extra (dask[distributed], pyarrow, tqdm). ``inputs`` reads the archive,
``prepare`` turns an item into text, ``rows`` scores a partition on a worker, ``store``
writes the parts, ``run`` ties them together on a cluster.
"""
from .inputs import InputError
from .run import Summary, open_client, score_archive

__all__ = ["InputError", "Summary", "open_client", "score_archive"]
