"""The 培育 (cultivation) part of the GUI."""
