"""Benchmarks on generated data (see README.md): they print their figures and are not part of the test run."""
