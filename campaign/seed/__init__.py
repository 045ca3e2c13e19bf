"""The seed: what the site starts with (content.py, in English) and its translations (be.py, ru.py).

Loaded by `manage.py seed_campaign`: each app seeds its own part (see <app>/seeding.py).
"""
