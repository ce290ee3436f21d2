"""The care plan a patient takes home: what we will do, what they can do, and what to watch for."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from assessments.documents.base import BaseDocument, format_date, format_signed_date
from assessments.documents.data import COMPONENTS, CarePlanData, PlanItemBlock
from assessments.documents.flowables import KeepTogetherBlock

# Headings in plain words, in the fixed clinical order of the treatment protocol (seed 000):
# hands-on care first, then exercise and posture, then referrals, then care at home.
COMPONENT_HEADINGS = {
    "spinal_mobilisation": gettext_lazy("Gentle mobilisation of the spine"),
    "massage": gettext_lazy("Calming massage"),
    "stretching": gettext_lazy("Stretching"),
    "strengthening": gettext_lazy("Strengthening"),
    "posture": gettext_lazy("Posture"),
    "nutrition_referral": gettext_lazy("Seeing a dietitian or nutritionist"),
    "medical_referral": gettext_lazy("Seeing your doctor"),
    "home_care": gettext_lazy("Care at home"),
}


class CarePlanDocument(BaseDocument):
    data: CarePlanData

    @property
    def is_draft(self) -> bool:
        return self.data.is_draft

    def document_title(self) -> str:
        return _("Care plan")

    def footer_fields(self) -> tuple[str, ...]:
        version = _("Version %(version)s") % {"version": self.data.version}
        return (version, self._signature_status(short=True), self.fingerprint_label())

    def story(self) -> list[Flowable]:
        return [
            self.para(self.document_title(), "title"),
            Spacer(1, 2 * mm),
            self.details_table(self._detail_rows()),
            *self._see_doctor(),
            *self._summary(),
            *self._treatment(),
            *self._home_programme(),
            *self._goals_and_review(),
            *self._precautions(),
            self._signature_block(),
        ]

    def _detail_rows(self) -> list[tuple[str, str]]:
        return [
            *self.patient_rows(),
            (_("Plan date"), format_date(self.data.plan_date)),
            (_("Practitioner"), self.data.practitioner_name),
            (_("Version"), str(self.data.version)),
        ]

    def _see_doctor(self) -> list[Flowable]:
        if not self.data.see_doctor.strip():
            return []
        return [
            self.para(_("See a doctor first"), "heading"),
            self.para(self.data.see_doctor, "label"),
            self.para(
                _(
                    "We found a sign that a doctor must check before any treatment here. Your "
                    "treatment plan starts once a doctor has seen you."
                )
            ),
        ]

    def _summary(self) -> list[Flowable]:
        if not self.data.summary.strip():
            return []
        return [self.para(_("Summary"), "heading"), self.para(self.data.summary)]

    def _treatment(self) -> list[Flowable]:
        flowables: list[Flowable] = [self.para(_("Your treatment plan"), "heading")]
        for component in COMPONENTS:
            items = [item for item in self.data.items if item.component == component]
            if not items:
                continue
            # Headings keep with the next flowable (see the stylesheet), so a heading travels
            # with its first item and is never left alone at the foot of a page.
            flowables.append(self.para(str(COMPONENT_HEADINGS[component]), "subheading"))
            flowables.extend(KeepTogetherBlock(self._item_block(item)) for item in items)
        if len(flowables) == 1:
            if self.data.see_doctor.strip():
                flowables.append(self.para(_("No treatment until a doctor has seen you.")))
            else:
                flowables.append(self.para(_("No treatment has been planned yet.")))
        return flowables

    def _item_block(self, item: PlanItemBlock) -> list[Flowable]:
        # KeepTogetherBlock moves a short item whole to the next page; an item longer than a page
        # still splits, so nothing is ever cut off.
        block: list[Flowable] = [self.para(item.title, "label")]
        if item.instructions.strip():
            block.append(self.para(item.instructions))
        if item.dosage.strip():
            block.append(self.labelled(_("How much and how often:"), item.dosage))
        if item.precautions:
            block.append(self.para(_("Take care:"), "label"))
            block.extend(self.bullets(item.precautions))
        if item.is_home_programme:
            block.append(self.para(_("Part of your home programme."), "muted"))
        block.append(Spacer(1, 2 * mm))
        return block

    def _home_programme(self) -> list[Flowable]:
        home_items = [item for item in self.data.items if item.is_home_programme]
        if not home_items:
            return []
        flowables: list[Flowable] = [
            self.para(_("Your home programme"), "heading"),
            self.para(_("Things you can do yourself between visits, as described above:")),
        ]
        for item in self._in_clinical_order(home_items):
            line = item.title if not item.dosage.strip() else f"{item.title}: {item.dosage}"
            flowables.extend(self.bullets((line,)))
        return flowables

    def _goals_and_review(self) -> list[Flowable]:
        flowables: list[Flowable] = [self.para(_("Goals"), "heading")]
        flowables.extend(self.bullets(self.data.goals))
        if self.data.visit_frequency.strip():
            flowables.append(self.labelled(_("Visits:"), self.data.visit_frequency))
        # A practitioner may clear the proposed review date; the plan still prints.
        if self.data.review_date is not None:
            review = format_date(self.data.review_date)
            flowables.append(self.labelled(_("Review date:"), review))
        return flowables

    def _precautions(self) -> list[Flowable]:
        if not self.data.precautions:
            return []
        return [
            self.para(_("Please take care"), "heading"),
            *self.bullets(self.data.precautions),
        ]

    def _signature_block(self) -> Flowable:
        return KeepTogetherBlock(
            [
                Spacer(1, 6 * mm),
                self.para(_("Signature"), "heading"),
                self.labelled(_("Practitioner:"), self.data.practitioner_name),
                self.labelled(_("Status:"), self._signature_status(short=False)),
            ]
        )

    def _signature_status(self, *, short: bool) -> str:
        if self.data.signed_at is None:
            return _("DRAFT") if short else _("Not signed — draft")
        return _("Signed %(date)s") % {"date": format_signed_date(self.data.signed_at)}

    @staticmethod
    def _in_clinical_order(items: list[PlanItemBlock]) -> list[PlanItemBlock]:
        return sorted(items, key=lambda item: COMPONENTS.index(item.component))
