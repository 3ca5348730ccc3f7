"""Benchmark harness for floke: corpus generator, Pelican/Hugo converters and timing runner."""
