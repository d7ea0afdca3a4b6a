"""The speed layer: small fast pieces, each tested against a plain-Python oracle."""
