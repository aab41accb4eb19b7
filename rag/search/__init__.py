"""Searching: dates named in a question, and the dense, MMR and hybrid retrievers over the index."""
