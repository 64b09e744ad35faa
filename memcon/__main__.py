"""Run the command line as ``python -m memcon``."""

from memcon.cli.main import main

if __name__ == "__main__":
    main()
