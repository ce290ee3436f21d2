"""A discharged episode is read-only, its plans included.

Every plan write (generate, edit, sign, amend) saves the TreatmentPlan row (its version is bumped
on each change), so one pre_save check refuses them all for an intake whose episode is
discharged, without the plan services having to know about episodes. A new complaint starts a
new intake, hence a new episode.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from assessments.models import Episode, EpisodeLockedError, EpisodeStatus, TreatmentPlan


@receiver(pre_save, sender=TreatmentPlan, dispatch_uid="plan_of_discharged_episode")
def refuse_plan_of_discharged_episode(sender, instance, raw=False, **kwargs):
    if raw or instance.intake_id is None:
        return
    if Episode.objects.filter(
        intake_id=instance.intake_id, status=EpisodeStatus.DISCHARGED
    ).exists():
        raise EpisodeLockedError
