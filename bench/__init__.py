"""Benchmarks that print numbers (not timed tests); run each as ``python -m bench.NAME``."""
