"""A stand-in for Ollama's HTTP API: the offline demo's model server, and the tests' and benchmarks' Ollama.

Run it as `ollama-standin --backend {hash,minilm} --port PORT` (or `python -m ollama_standin`); start it
from Python with `ollama_standin.process.start_standin`.
"""
