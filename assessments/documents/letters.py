"""Referral letters: to a dietitian or nutritionist, and to the patient's doctor."""

from __future__ import annotations

from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from assessments.documents.base import BaseDocument, format_date
from assessments.documents.data import ReferralLetterData


class ReferralLetterDocument(BaseDocument):
    data: ReferralLetterData

    def document_title(self) -> str:
        if self.data.kind == "nutrition":
            return _("Referral for a nutrition assessment")
        return _("Referral for a medical review")

    def footer_fields(self) -> tuple[str, ...]:
        return (_("Referral letter"), format_date(self.data.letter_date), self.fingerprint_label())

    def story(self) -> list[Flowable]:
        return [
            self.para(format_date(self.data.letter_date), "right"),
            self.labelled(_("To:"), self.data.recipient),
            Spacer(1, 4 * mm),
            self.para(self.document_title(), "title"),
            *self._urgency(),
            Spacer(1, 2 * mm),
            self.details_table(self.patient_rows()),
            Spacer(1, 4 * mm),
            self.para(
                self.data.salutation
                or _("Dear %(recipient)s,") % {"recipient": self.data.recipient}
            ),
            self.para(self._opening()),
            *self._reasons(),
            *self._notes(),
            self.para(self._closing_request()),
            self._signature(),
        ]

    def _urgency(self) -> list[Flowable]:
        if not self.data.urgency.strip():
            return []
        return [self.labelled(_("How soon:"), self.data.urgency, "heading")]

    def _opening(self) -> str:
        if self.data.kind == "nutrition":
            return _(
                "I am referring the patient named above to you for a nutrition assessment. "
                "I see them at our clinic for muscle cramps and the problems that come with "
                "them, and I believe their diet and fluid intake may play a part."
            )
        return _(
            "I am writing to ask you to see the patient named above for a medical review. "
            "I see them at our clinic for muscle cramps and the problems that come with them, "
            "and I have found the following, which need a doctor's opinion."
        )

    def _reasons(self) -> list[Flowable]:
        if not self.data.reasons:
            return []
        return [
            self.para(_("Reasons for referral"), "subheading"),
            *self.bullets(self.data.reasons),
        ]

    def _notes(self) -> list[Flowable]:
        if not self.data.notes.strip():
            return []
        return [self.para(_("Notes"), "subheading"), self.para(self.data.notes)]

    def _closing_request(self) -> str:
        if self.data.kind == "nutrition":
            return _(
                "I would be grateful for your advice on their diet and hydration, and for a "
                "short note of your findings so that we can work together on their care."
            )
        return _(
            "The patient has been told not to stop or change any prescribed medicine without "
            "speaking to you first. I would be grateful for a short note of your findings so "
            "that we can adjust their care."
        )

    def _signature(self) -> Flowable:
        return KeepTogether(
            [
                Spacer(1, 4 * mm),
                self.para(_("Yours sincerely,")),
                Spacer(1, 10 * mm),
                self.para(self.data.practitioner_name, "label"),
                self.para(self.letterhead.name, "muted"),
            ]
        )
