"""Checks of the exchange with each list: dated steps, who wrote a position, corrections."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from ...models.exchanges import Message, StatusEvent
from ...models.respondents import Respondent
from ...models.responses import Answer, Response
from ..issues import Issue, located
from ..locations import DocPath, Document

__all__ = ["check_exchanges", "check_provenance", "check_received"]

#: Checks an answer's value against its question, located at the path given.
ValueCheck = Callable[[Answer, DocPath], list[Issue]]


def check_exchanges(respondents: Sequence[Respondent], doc: Document) -> list[Issue]:
    """Each list's status history in order, no reply before the sending; messages in order."""
    issues: list[Issue] = []
    for index, respondent in enumerate(respondents):
        at: DocPath = ("respondents", index)
        issues += _history(respondent.history or (), doc, (*at, "history"))
        issues += _messages(respondent.correspondence or (), doc, (*at, "correspondence"))
    return issues


def first_sent(history: Sequence[StatusEvent]) -> dt.date | None:
    return min((step.date for step in history if step.event == "sent"), default=None)


def _history(history: Sequence[StatusEvent], doc: Document, at: DocPath) -> list[Issue]:
    issues = []
    sent = first_sent(history)
    for index, step in enumerate(history):
        where = (*at, index, "date")
        if index and step.date < history[index - 1].date:
            previous = history[index - 1].date.isoformat()
            issues.append(
                located("history_out_of_order", doc, where, date=step.date, previous=previous)
            )
        if step.event != "sent" and sent is not None and step.date < sent:
            issues.append(
                located("reply_before_sending", doc, where, date=step.date, sent=sent.isoformat())
            )
    return issues


def _messages(messages: Sequence[Message], doc: Document, at: DocPath) -> list[Issue]:
    return [
        located(
            "correspondence_out_of_order",
            doc,
            (*at, index, "date"),
            severity="warning",
            date=message.date,
            previous=messages[index - 1].date.isoformat(),
        )
        for index, message in enumerate(messages)
        if index and message.date < messages[index - 1].date
    ]


def check_received(respondent: Respondent, response: Response, doc: Document) -> list[Issue]:
    """A response received before the questionnaire was first sent to the list."""
    sent = first_sent(respondent.history or ())
    if response.received is None or sent is None or response.received >= sent:
        return []
    return [
        located(
            "reply_before_sending",
            doc,
            ("received",),
            date=response.received,
            sent=sent.isoformat(),
        )
    ]


def check_provenance(answer: Answer, doc: Document, at: DocPath, check: ValueCheck) -> list[Issue]:
    """Who wrote the answer (a coalition's position needs its source) and its corrections."""
    issues = []
    if answer.written_by == "coalition":
        if answer.source is None:
            issues.append(located("coalition_without_source", doc, (*at, "written_by")))
        if answer.right_of_reply is None:
            issues.append(
                located("right_of_reply_missing", doc, (*at, "written_by"), severity="warning")
            )
    if answer.source is not None:
        if answer.source.url is None:
            issues.append(located("source_without_url", doc, (*at, "source")))
        if answer.source.accessed is None:
            issues.append(located("source_without_date", doc, (*at, "source")))
    reply = answer.right_of_reply
    if reply is not None and reply.replied is not None and reply.replied < reply.offered:
        where = (*at, "right_of_reply", "replied")
        issues.append(
            located("reply_before_offer", doc, where, date=reply.replied, offered=reply.offered)
        )
    return issues + _corrections(answer, doc, (*at, "corrections"), check)


def _corrections(answer: Answer, doc: Document, at: DocPath, check: ValueCheck) -> list[Issue]:
    issues: list[Issue] = []
    corrections = answer.corrections or ()
    for index, correction in enumerate(corrections):
        where = (*at, index)
        if correction.reason is None or not correction.reason.strip():
            issues.append(located("correction_without_reason", doc, where))
        if index and correction.date < corrections[index - 1].date:
            previous = corrections[index - 1].date.isoformat()
            issues.append(
                located(
                    "correction_out_of_order",
                    doc,
                    (*where, "date"),
                    date=correction.date,
                    previous=previous,
                )
            )
        if correction.published is not None and correction.date < correction.published:
            issues.append(
                located(
                    "correction_before_publication",
                    doc,
                    (*where, "date"),
                    date=correction.date,
                    published=correction.published.isoformat(),
                )
            )
        earlier = Answer.model_validate(correction.previous.model_dump(exclude_none=True))
        issues += check(earlier, (*where, "previous"))
    return issues
