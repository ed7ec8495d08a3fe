"""Grading engine, service and CLI for the course hub."""
