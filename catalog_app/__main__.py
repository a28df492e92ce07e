"""`python -m catalog_app`: no arguments opens the window, a subcommand runs the CLI."""

import sys

if __name__ == "__main__":
    # Imported here, not above: a spawned worker process re-imports this module (as
    # __mp_main__) and needs none of the command line.
    from catalog_app.cli import main

    sys.exit(main())
