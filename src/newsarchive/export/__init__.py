"""Writers of the binary export formats (WARC, Parquet); each imports its library lazily
so ``export --format jsonl`` and ``search`` never pay for it. ``outfile`` is the ``--out``
file every format is written to, so none leaves half an export behind."""
