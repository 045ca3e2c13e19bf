"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the journey tests."""

import asyncio
import email
import email.policy
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP


class Inbox:
    def __init__(self):
        self.messages = []
        self.reply = None  # e.g. "451 try again later" to make the server refuse
        self.hold = threading.Event()  # while set, the server stalls at RCPT TO, before any data
        self.held = threading.Event()  # set once a client is stalled there
        self._arrived = threading.Condition()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        while self.hold.is_set():
            self.held.set()
            await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.reply:
            return self.reply
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._arrived:
            self.messages.append(message)
            self._arrived.notify_all()
        return "250 OK"

    def wait_for(self, count, timeout=30):
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.messages) >= count, timeout=timeout)
        return self.messages[:]


class SMTPServer(Controller):
    def __init__(self, port):
        self.inbox = Inbox()
        super().__init__(self.inbox, hostname="127.0.0.1", port=port)

    def factory(self):
        return SMTP(self.handler, hostname="localhost", ident="test-smtp")


def text_part(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message):
    return message.get_body(preferencelist=("html",)).get_content()
