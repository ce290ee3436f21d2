"""Vector line drawings of the home exercises for the patient handout."""
