"""papernotes: the pure core of the notes site (loading, validation, indexing, rendering).

Nothing in this package imports MkDocs; `hooks/papernotes_hook.py` adapts it to MkDocs.
"""
