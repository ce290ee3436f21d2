"""From a treatment plan to the patient handout: the plan's kept items in the patient's words,
with the practitioner's photos, printed on the clinic's paper size; stored at signing with its
SHA-256 like the care plan.
"""

import hashlib

from django.utils import timezone, translation
from django.utils.translation import gettext

from assessments.documents.handout import HandoutDocument
from assessments.documents.handout_data import HandoutData, HandoutExercise
from assessments.documents.plans import (
    _letterhead,
    _patient_block,
    _practitioner_name,
    _shown,
    see_doctor_text,
)
from assessments.models import PlanHandoutDocument, PlanItemPhoto
from assessments.plans.snapshot import plan_snapshot
from assessments.reasoning.handout import HandoutItem, exercises_for, patient_handout
from assessments.reasoning.handout.programme import is_home
from assessments.reasoning.handout.wording import HOME_ADVICE
from assessments.reasoning.i18n import Text
from assessments.reasoning.labels import MUSCLE_NAMES
from clinic.models import ClinicProfile

_MUSCLE_BY_MSGID = {text.msgid: key for key, text in MUSCLE_NAMES.items()}


def _msgids(tree):
    """Every msgid inside a stored Text tree (the muscles a stretch names sit in its params)."""
    if isinstance(tree, dict):
        if "msgid" in tree:
            yield tree["msgid"]
        for value in tree.values():
            yield from _msgids(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _msgids(value)


def _muscles(proposed):
    params = (proposed or {}).get("instructions", {}).get("params", {})
    found = [_MUSCLE_BY_MSGID[m] for m in _msgids(params) if m in _MUSCLE_BY_MSGID]
    return tuple(dict.fromkeys(found))


def _handout_items(plan):
    proposed = {item["key"]: item for item in plan_snapshot(plan).proposed_items}
    items = []
    for item in plan.items.filter(removed=False).order_by("position", "pk"):
        original = proposed.get(item.key) if item.key else None
        # The reasoning's dosage in the patient's words, unless the practitioner changed it:
        # then their words, as typed.
        unchanged = original is not None and item.dosage == _shown(original["dosage"]["text"])
        items.append(
            HandoutItem(
                key=item.key if original is not None else "",
                component=item.component,
                title=item.title,
                instructions=item.instructions,
                dosage_text=item.dosage,
                dosage=original["dosage"] if unchanged else None,
                muscles=_muscles(original),
                item_id=item.pk,
            )
        )
    return items


def prints_as_exercise(item):
    """Whether the item is an exercise block on the handout (where a photo can be printed)."""
    if not item.key:
        return is_home(HandoutItem(key="", component=item.component))
    # A stretch item prints once it names a muscle (every cramping muscle has a home stretch).
    handout_item = HandoutItem(key=item.key, component=item.component, muscles=("calf",))
    return (
        is_home(handout_item) and item.key not in HOME_ADVICE and bool(exercises_for(handout_item))
    )


def _say(value):
    return value.render(gettext) if isinstance(value, Text) else str(value)


def _photos(plan):
    return {
        photo.item_id: bytes(photo.image)
        for photo in PlanItemPhoto.objects.filter(plan=plan, item__removed=False)
    }


def handout_data(plan):
    snapshot = plan_snapshot(plan)
    dismissed = set(plan.factor_decisions.values_list("factor_key", flat=True))
    factor_keys = [key for key in snapshot.factor_keys() if key not in dismissed]
    precaution_keys = list(snapshot.precautions_by_key)
    language = plan.language if plan.language in {"en", "fr"} else "en"
    content = patient_handout(
        _handout_items(plan), factor_keys=factor_keys, precaution_keys=precaution_keys
    )
    photos = _photos(plan)
    exercises = []
    with translation.override(language):
        for block in content.exercises:
            # The photo replaces the drawing of the item's first exercise.
            photo = photos.pop(block.item_id, None)
            exercises.append(
                HandoutExercise(
                    key=block.key,
                    title=_say(block.title),
                    steps=tuple(_say(step) for step in block.steps),
                    dosage=_say(block.dosage),
                    feel=_say(block.feel) if block.feel else "",
                    stop=_say(block.stop) if block.stop else "",
                    figure=block.figure,
                    photo=photo,
                )
            )
        texts = {
            name: tuple(_say(text) for text in getattr(content, name))
            for name in ("findings", "in_clinic", "advice", "precautions")
        }
    return HandoutData(
        letterhead=_letterhead(),
        patient=_patient_block(plan.patient),
        practitioner_name=_practitioner_name(plan),
        plan_date=timezone.localdate(plan.signed_at) if plan.signed_at else timezone.localdate(),
        version=plan.number,
        signed_at=plan.signed_at,
        visits=plan.visit_frequency,
        exercises=tuple(exercises),
        language=language,
        page_size=ClinicProfile.current().page_size,
        see_doctor=see_doctor_text(plan),
        **texts,
    )


def carry_photos(*, copied):
    """An amendment keeps the practitioner's photos: {old item pk: new item} from plan_amend.

    Part of the amendment's write (its PLAN_AMENDED event covers it); the image is the already
    checked and re-encoded one.
    """
    for photo in PlanItemPhoto.objects.filter(item_id__in=list(copied)):
        item = copied[photo.item_id]
        PlanItemPhoto.objects.create(
            plan=item.plan,
            item=item,
            image=bytes(photo.image),
            content_type=photo.content_type,
            sha256=photo.sha256,
            width=photo.width,
            height=photo.height,
            uploaded_by=photo.uploaded_by,
        )


def render_handout(plan):
    """A draft's handout, made fresh and marked DRAFT; never stored as the record."""
    return HandoutDocument(handout_data(plan)).render()


def store_signed_handout(*, plan):
    """Render the signed plan's handout once and keep it with its SHA-256 (inside signing's
    transaction, with the care plan)."""
    pdf = HandoutDocument(handout_data(plan)).render()
    document = PlanHandoutDocument(plan=plan, pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest())
    document.full_clean()
    document.save()
    return document
