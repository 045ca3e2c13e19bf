from django.core.management.base import BaseCommand

from campaign.seeding import seed_campaign


class Command(BaseCommand):
    help = "Load the campaign's seeded content. Safe to run again: it never overwrites an organiser's edits."

    def handle(self, *args, **options):
        for line in seed_campaign():
            self.stdout.write(line)
