"""The benchmark suite: ``python -m bench [--quick] [--only NAME]`` (see bench/RESULTS.md)."""
