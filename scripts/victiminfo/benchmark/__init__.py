"""The benchmark (scripts/bench): synthetic content, timed builds, baselines and a report."""
