"""Performance checks: the benchmark (`make bench`) and the load and restart test."""
