"""Log records that cannot carry who made a request."""

import logging


class PrivacyFilter(logging.Filter):
    """Drops the request Django attaches to its records.

    A formatter or handler (an e-mail to admins, an error tracker) could otherwise print the
    request's headers, address or POST body. What is left is the message, the level and the
    traceback: enough to fix a fault, nothing about the person.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        return True
