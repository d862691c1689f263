"""Small reusable widgets for CivicDesk's forms: dictionary combos, optional dates, field rows with messages."""
