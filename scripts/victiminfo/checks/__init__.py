"""Checks on content and data, run by the check command and the build: every problem found."""
