"""Indexing: embed documents through Ollama and write them to Chroma and the BM25 index, incrementally."""
