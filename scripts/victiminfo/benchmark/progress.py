"""Progress while the benchmark runs: a bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 28


class Progress:
    """Counts finished steps out of a total and shows what runs now."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream
        self.tty = stream.isatty()
        self.started = time.monotonic()

    def step(self, label: str) -> None:
        """Say that label starts now."""
        elapsed = time.monotonic() - self.started
        if self.tty:
            filled = WIDTH * self.done // self.total
            bar = "#" * filled + "." * (WIDTH - filled)
            text = f"\r[{bar}] {self.done}/{self.total} {elapsed:5.0f}s {label}"
            self.stream.write(text[:110].ljust(110))
        else:
            self.stream.write(f"[{self.done}/{self.total} {elapsed:.0f}s] {label}\n")
        self.stream.flush()

    def finish(self, label: str) -> None:
        """Count one step as done."""
        self.done += 1
        if self.done >= self.total and self.tty:
            self.step(label)
            self.stream.write("\n")
            self.stream.flush()

    def line(self, text: str) -> None:
        """Print a line of results (above the bar on a terminal)."""
        if self.tty:
            self.stream.write("\r" + " " * 110 + "\r")
        self.stream.write(text + "\n")
        self.stream.flush()
