"""Benchmarks: `make bench` prints figures and writes bench/results/latest.json. Never run by tests."""
