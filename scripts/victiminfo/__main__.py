"""`python -m victiminfo ...`: the command line."""

import sys

from victiminfo.cli import main

sys.exit(main())
