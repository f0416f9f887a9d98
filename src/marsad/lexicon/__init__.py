"""Lexicons: language knowledge as data files, loaded and compiled once per process."""
