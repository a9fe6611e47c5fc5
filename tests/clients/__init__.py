"""Helpers that drive real feed and web clients (newsboat, headless Chromium) in tests."""
