"""A stand-in for Ollama's HTTP API, for tests, benchmarks and the offline demo."""
