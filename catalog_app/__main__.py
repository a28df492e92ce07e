"""`python -m catalog_app`: no arguments opens the window, a subcommand runs the CLI."""

import sys

from catalog_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
