"""Controllers: the window's behaviour, one per concern, each given only the session and the
view parts it drives (the composition root in gui/app.py wires them)."""
