"""Developer tooling, not part of the product: evaluation scoring, API v1.1 conversion, synthetic archives."""
