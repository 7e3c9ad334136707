"""Qt table models of the pages: ids from SQL, rows loaded a page at a time (``paged.py``)."""
