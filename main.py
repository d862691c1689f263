"""CivicDesk: ``python main.py`` opens the GUI; ``python main.py COMMAND …`` runs that command headless."""

from civicdesk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
