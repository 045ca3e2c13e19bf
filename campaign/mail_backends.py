from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend


class ConsoleAndFileBackend(FileBackend):
    """The embedded default: print each message and keep a copy in EMAIL_FILE_PATH."""

    def send_messages(self, email_messages):
        ConsoleBackend().send_messages(email_messages)
        return super().send_messages(email_messages)
