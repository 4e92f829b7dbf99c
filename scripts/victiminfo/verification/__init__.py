"""Verifying facts: list every fact with its source and state, record a person's verification."""
