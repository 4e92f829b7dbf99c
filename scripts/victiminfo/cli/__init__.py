"""The command line: `victiminfo build|serve|check|status|facts|translation|new|bench` (click)."""

from victiminfo.cli.main import main, victiminfo

__all__ = ["main", "victiminfo"]
