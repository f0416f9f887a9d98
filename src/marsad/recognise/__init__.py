"""Recognisers: pure functions from normalised text to mentions (numbers, actors, places, dates)."""
