"""factory_boy factories for the test suite."""

import factory
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from clinic.dates import local_day
from clinic.roles import CLINIC_ADMIN, FRONT_DESK, PRACTITIONER, sync_group_permissions
from intake.models import Intake, Medication, Patient

TEST_PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            if not Group.objects.filter(name=extracted).exists():
                # A transactional test before this one flushed the groups the migrations made.
                sync_group_permissions(django_apps)
            user.groups.add(Group.objects.get(name=extracted))
        if create:
            user.save()


def front_desk_user(**kwargs):
    return UserFactory(role=FRONT_DESK, **kwargs)


def practitioner_user(**kwargs):
    return UserFactory(role=PRACTITIONER, **kwargs)


def clinic_admin_user(**kwargs):
    return UserFactory(role=CLINIC_ADMIN, is_staff=True, **kwargs)


class PatientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Patient

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    # Adults of an age the intake asks about pregnancy (intake.questionnaire): a test about
    # older or younger patients, or about men, says so.
    date_of_birth = factory.Faker("date_of_birth", minimum_age=18, maximum_age=55)
    sex = "female"
    phone = factory.Sequence(lambda n: f"+1514555{n % 10000:04d}")
    preferred_language = "en"


class IntakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intake

    patient = factory.SubFactory(PatientFactory)
    complaint = "Cramps in the left calf at night"
    cramp_muscles = ["calf"]
    cramp_side = "left"
    cramp_timing = ["night"]


class MedicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medication

    intake = factory.SubFactory(IntakeFactory)
    name = "Atorvastatin"
    dose = "20 mg"


# --- Exams and outcome measures (issue 4) ---------------------------------------------------------


class ExamFactory(factory.django.DjangoModelFactory):
    """A draft exam; pass status="finished" (with finished_at) for a locked one."""

    class Meta:
        model = "assessments.Exam"

    patient = factory.SubFactory(PatientFactory)
    practitioner = factory.SubFactory(UserFactory, role=PRACTITIONER)


class OutcomeMeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessments.OutcomeMeasure"

    patient = factory.SubFactory(PatientFactory)
    instrument = "NPRS"
    answers = factory.LazyAttribute(lambda measure: {"pain_now": int(measure.score)})
    score = 6.0
    recorded_by = factory.SubFactory(UserFactory, role=PRACTITIONER)
    recorded_at = factory.LazyFunction(timezone.now)
    # Answered the day it was recorded, in the clinic's time zone, unless a test says otherwise.
    taken_on = factory.LazyAttribute(lambda measure: local_day(measure.recorded_at))


# --- Treatment plans (issue 5) --------------------------------------------------------------------

NO_RED_FLAGS = {
    "red_flag_calf_swollen_red_warm": False,
    "red_flag_saddle_numbness": False,
    "red_flag_bladder_bowel_change": False,
    "red_flag_progressive_weakness": False,
    "red_flag_unexplained_weight_loss": False,
    "red_flag_fever": False,
}


def confirmed_intake(**kwargs):
    """A confirmed intake with the red-flag screen answered (all no unless given)."""
    return IntakeFactory(status="confirmed", **{**NO_RED_FLAGS, **kwargs})


def finished_exam(intake, **kwargs):
    """A finished exam of the intake's patient, following that intake."""
    from django.utils import timezone

    return ExamFactory(
        patient=intake.patient,
        intake=intake,
        status="finished",
        finished_at=timezone.now(),
        **kwargs,
    )


def sign_in_with_second_step(client, user):
    """``client.force_login`` plus a passed two-step sign-in, as a clinic admin must have.

    Gives the user a confirmed authenticator (django-otp TOTP device) if they have none and
    marks the session verified with it, as the code page does.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
