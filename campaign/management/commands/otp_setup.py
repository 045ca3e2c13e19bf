from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from campaign import second_factor


class Command(BaseCommand):
    help = (
        "Set up an authenticator app (TOTP) for an organiser: prints a QR code to scan and the key to type. "
        "Organisers can also do this themselves in the admin, right after their first sign-in with the password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user called {username!r}.") from error
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name=second_factor.DEVICE_NAME, confirmed=True)
        # One write: self.stdout.write() would end every piece with a newline of its own.
        self.stdout.write(second_factor.qr_text(device), ending="")
        key = second_factor.base32_key(device)
        self.stdout.write(f"Or type this key in the app: {key} (time-based, 6 digits, 30 s)")
        self.stdout.write(f"Scan it with an authenticator app; {username} now signs in with its code.")
