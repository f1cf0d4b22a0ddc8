"""Production settings plus the benchmark's bare view (see bench_urls.py)."""

from troubleshoot.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.bench_urls"
