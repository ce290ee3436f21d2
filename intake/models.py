from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords

from clinic.model_helpers import staff_link
from clinic.text import fold_for_search, fold_name  # noqa: F401  (re-exported)
from intake.medications import CLASSES_BY_CODE, cramp_linked_classes


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    INTERSEX = "intersex", _("Intersex")
    UNDISCLOSED = "undisclosed", _("Prefers not to say")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class PatientQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def update(self, **kwargs):
        # A bulk update writes no history and no audit event: change patients one at a time
        # through intake.patients.services, which record both.
        raise ValidationError(
            _("Patients are changed one at a time, so that every change has its history.")
        )


class Patient(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"))
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices)
    phone = PhoneNumberField(_("phone"), db_index=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.TextField(_("address"), blank=True)
    emergency_contact_name = models.CharField(_("emergency contact"), max_length=200, blank=True)
    emergency_contact_phone = PhoneNumberField(_("emergency contact phone"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )

    consent_treatment_at = models.DateTimeField(
        _("consent to treatment given"), null=True, blank=True
    )
    consent_treatment_by = staff_link(optional=True)
    consent_privacy_at = models.DateTimeField(_("privacy notice accepted"), null=True, blank=True)
    consent_privacy_by = staff_link(optional=True)

    # Derived from the names for accent- and case-free search; kept in step by save().
    search_name = models.CharField(max_length=201, editable=False, db_index=True)

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = staff_link(optional=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped on every change so that two people editing at once cannot overwrite each other.
    version = models.PositiveIntegerField(default=1, editable=False)

    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    archived_by = staff_link(optional=True)
    archive_reason = models.CharField(_("reason for archiving"), max_length=500, blank=True)

    history = HistoricalRecords()
    objects = PatientQuerySet.as_manager()

    class Meta:
        verbose_name = _("patient")
        verbose_name_plural = _("patients")
        ordering = ["last_name", "first_name", "pk"]
        base_manager_name = "objects"
        permissions = [
            ("archive_patient", _("Can archive a patient entered in error")),
            ("view_patient_history", _("Can see the change history of clinical records")),
        ]
        indexes = [
            models.Index(fields=["date_of_birth"]),
            models.Index(fields=["last_name", "first_name"]),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_name = fold_name(f"{self.first_name} {self.last_name}")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"first_name", "last_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day):
        """Whole years of age on ``day``; None when the date of birth is missing or absurd."""
        born = self.date_of_birth
        if born is None:
            return None
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        return age if 0 <= age <= 130 else None

    @property
    def age(self):
        """Whole years of age today, in the clinic's time zone."""
        return self.age_on(timezone.localdate())

    @property
    def record_number(self):
        """The patient's record number: their row number, zero-padded, never reused."""
        return format_record_number(self.pk) if self.pk else ""

    @property
    def is_archived(self):
        return self.archived_at is not None


RECORD_NUMBER_DIGITS = 6


def format_record_number(pk):
    return f"{pk:0{RECORD_NUMBER_DIGITS}d}"


class CrampMuscle(models.TextChoices):
    CALF = "calf", _("Calf")
    FOOT = "foot", _("Foot")
    HAMSTRING = "hamstring", _("Back of the thigh (hamstring)")
    THIGH_FRONT = "thigh_front", _("Front of the thigh")
    FOREARM_HAND = "forearm_hand", _("Forearm or hand")
    PARASPINAL = "paraspinal", _("Back, beside the spine")
    SHOULDER_GIRDLE = "shoulder_girdle", _("Shoulder girdle")
    BUTTOCK_HIP = "buttock_hip", _("Buttock or hip")


class CrampTiming(models.TextChoices):
    NIGHT = "night", _("At night in bed")
    EXERCISE = "exercise", _("During or after exercise")
    REST = "rest", _("At rest")
    STRETCHING = "stretching", _("While stretching")


class Side(models.TextChoices):
    LEFT = "left", _("Left")
    RIGHT = "right", _("Right")
    BOTH = "both", _("Both sides")


class Thyroid(models.TextChoices):
    NONE = "none", _("No thyroid condition")
    UNDERACTIVE = "underactive", _("Underactive (hypothyroidism)")
    OVERACTIVE = "overactive", _("Overactive (hyperthyroidism)")
    UNSURE = "unsure", _("Not sure")


class SpineRegion(models.TextChoices):
    LUMBAR = "lumbar", _("Lower back")
    THORACIC = "thoracic", _("Mid-back")
    CERVICAL = "cervical", _("Neck")


class ExerciseLevel(models.TextChoices):
    NONE = "none", _("None")
    LIGHT = "light", _("Light (walks, gentle activity)")
    MODERATE = "moderate", _("Moderate (2-3 times a week)")
    VIGOROUS = "vigorous", _("Vigorous (most days, or hard training)")


class Footwear(models.TextChoices):
    SUPPORTIVE = "supportive", _("Supportive shoes")
    UNSUPPORTIVE = "unsupportive", _("Flat or unsupportive shoes")
    HIGH_HEELS = "high_heels", _("High heels")
    MIXED = "mixed", _("A mix")


# The red-flag screen: answered yes or no, never left blank on a submitted intake.
RED_FLAG_FIELDS = (
    "red_flag_calf_swollen_red_warm",
    "red_flag_saddle_numbness",
    "red_flag_bladder_bowel_change",
    "red_flag_progressive_weakness",
    "red_flag_unexplained_weight_loss",
    "red_flag_fever",
)


class IntakeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    CONFIRMED = "confirmed", _("Confirmed")


class IntakeSource(models.TextChoices):
    FRONT_DESK = "front_desk", _("Taken at the front desk")
    PATIENT = "patient", _("Patient-reported")


def _yes_no(label):
    return models.BooleanField(label, null=True, blank=True)


def _history_question(label):
    # Yes / no / NULL = not asked. Never defaulted to False: that would invent a "no".
    return models.BooleanField(label, null=True, blank=True, default=None)


class Intake(models.Model):
    """One health-history questionnaire. Every factor the reasoning uses is a structured field."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="intakes")
    status = models.CharField(
        _("status"), max_length=20, choices=IntakeStatus.choices, default=IntakeStatus.DRAFT
    )
    source = models.CharField(
        _("taken by"), max_length=20, choices=IntakeSource.choices, default=IntakeSource.FRONT_DESK
    )

    # Complaint and cramp profile
    complaint = models.TextField(_("What brings you in?"), blank=True)
    cramp_muscles = models.JSONField(
        _("Where do you get cramps or spasms?"), default=list, blank=True
    )
    cramp_side = models.CharField(_("Which side?"), max_length=10, choices=Side.choices, blank=True)
    cramp_timing = models.JSONField(_("When do they happen?"), default=list, blank=True)
    cramps_per_week = models.PositiveSmallIntegerField(
        _("How many times a week?"), null=True, blank=True
    )
    episode_minutes = models.PositiveSmallIntegerField(
        _("How long does one episode last (minutes)?"), null=True, blank=True
    )
    months_since_onset = models.PositiveSmallIntegerField(
        _("How many months have you had them?"), null=True, blank=True
    )
    what_helps = models.TextField(_("What helps?"), blank=True)

    # Symptoms the patient reports (None: not asked, never read as "no")
    tingling = _yes_no(_("Do you have tingling (pins and needles)?"))
    numbness = _yes_no(_("Do you have numbness?"))
    radiating_leg_pain = _yes_no(_("Does pain travel down a leg?"))
    radiating_arm_pain = _yes_no(_("Does pain travel down an arm?"))

    # Pregnancy
    pregnant = models.BooleanField(_("Pregnant now"), default=False)
    gestation_weeks = models.PositiveSmallIntegerField(
        _("Weeks of pregnancy"), null=True, blank=True
    )
    gave_birth_last_12_months = models.BooleanField(
        _("Gave birth in the last 12 months"), default=False
    )
    birth_date = models.DateField(_("Date of the birth"), null=True, blank=True)
    breastfeeding = models.BooleanField(_("Breastfeeding now"), default=False)

    # Medical history
    thyroid = models.CharField(_("Thyroid"), max_length=20, choices=Thyroid.choices, blank=True)
    thyroid_treated = _yes_no(_("Thyroid condition treated"))
    pad_diagnosed = _history_question(_("Peripheral artery disease diagnosed"))
    calf_pain_walking = _history_question(_("Calf pain when walking that eases with rest"))
    stenosis_region = models.CharField(
        _("Spinal stenosis"), max_length=10, choices=SpineRegion.choices, blank=True
    )
    stenosis_imaging_confirmed = models.BooleanField(
        _("Stenosis confirmed by imaging"), default=False
    )
    disc_injury_region = models.CharField(
        _("Disc injury"), max_length=10, choices=SpineRegion.choices, blank=True
    )
    past_sprain_region = models.CharField(
        _("Past back or neck sprain"), max_length=10, choices=SpineRegion.choices, blank=True
    )
    current_back_pain = _history_question(_("Back pain now"))
    current_neck_pain = _history_question(_("Neck pain now"))
    diabetes = _history_question(_("Diabetes"))
    liver_disease = _history_question(_("Liver disease"))
    kidney_disease = _history_question(_("Kidney disease"))
    multiple_sclerosis = _history_question(_("Multiple sclerosis"))
    motor_neurone_disease = _history_question(_("Motor neurone disease"))
    peripheral_neuropathy = _history_question(_("Peripheral neuropathy"))
    heart_circulation_disease = _history_question(_("Heart or circulation disease"))
    osteoporosis = _history_question(_("Osteoporosis (thin or fragile bones)"))
    stroke = _history_question(_("Stroke"))
    parkinsons_disease = _history_question(_("Parkinson's disease"))
    cancer_history = _history_question(_("Cancer, now or in the past"))
    recent_trauma = _history_question(_("A recent fall, accident or injury"))
    past_leg_muscle_injury = _history_question(_("A past tear or strain of a leg muscle"))

    # Posture and daily life
    sitting_hours_per_day = models.DecimalField(
        _("Hours sitting a day"), max_digits=3, decimal_places=1, null=True, blank=True
    )
    long_standing_at_work = models.BooleanField(_("Long periods standing at work"), default=False)
    standing_hours_per_day = models.DecimalField(
        _("Hours standing a day"), max_digits=3, decimal_places=1, null=True, blank=True
    )
    sits_legs_crossed = models.BooleanField(_("Sits with legs crossed"), default=False)
    sits_toes_pointed = models.BooleanField(_("Sits with toes pointed"), default=False)
    sleeps_feet_pointed_down = models.BooleanField(
        _("Sleeps with feet pointing down"), default=False
    )
    # Asked yes / no; None: not asked (a default would invent the answer).
    takes_sitting_breaks = _yes_no(_("Gets up from sitting at least every hour"))
    exercise_level = models.CharField(
        _("Exercise"), max_length=20, choices=ExerciseLevel.choices, blank=True
    )
    recent_overexertion = models.BooleanField(_("Recently did much more than usual"), default=False)
    water_litres_per_day = models.DecimalField(
        _("Water a day (litres)"), max_digits=3, decimal_places=1, null=True, blank=True
    )
    coffee_tea_cups_per_day = models.PositiveSmallIntegerField(
        _("Cups of coffee or tea a day"), null=True, blank=True
    )
    heavy_sweating_or_heat = models.BooleanField(
        _("Sweats heavily or works or exercises in the heat"), default=False
    )
    fluid_limit_set_by_doctor = models.BooleanField(
        _("A doctor has limited how much to drink"), default=False
    )
    footwear = models.CharField(
        _("Usual footwear"), max_length=20, choices=Footwear.choices, blank=True
    )
    uses_orthotics = models.BooleanField(_("Wears orthotics"), default=False)
    flat_feet_known = models.BooleanField(_("Known flat feet"), default=False)

    # Red-flag screen (None = not answered yet)
    red_flag_calf_swollen_red_warm = _yes_no(_("A calf that is swollen, red or warm"))
    red_flag_saddle_numbness = _yes_no(_("Numbness between the legs or around the back passage"))
    red_flag_bladder_bowel_change = _yes_no(_("A new change in bladder or bowel control"))
    red_flag_progressive_weakness = _yes_no(_("Weakness in a leg or arm that is getting worse"))
    red_flag_unexplained_weight_loss = _yes_no(_("Weight loss you cannot explain"))
    red_flag_fever = _yes_no(_("Fever or feeling generally unwell"))

    # The patient's own answers as submitted, kept when a practitioner corrects them.
    original_answers = models.JSONField(default=dict, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = staff_link(optional=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = staff_link(optional=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        ordering = ["-created_at", "-pk"]
        permissions = [("confirm_intake", _("Can review and confirm an intake"))]

    def __str__(self):
        return f"{self.patient} · {timezone.localtime(self.created_at):%Y-%m-%d}"

    @property
    def trimester(self):
        """1 up to week 13, 2 from 14 to 27, 3 from 28 (the usual obstetric split)."""
        if not self.pregnant or not self.gestation_weeks:
            return None
        if self.gestation_weeks <= 13:
            return 1
        return 2 if self.gestation_weeks <= 27 else 3

    @property
    def red_flags(self):
        return [field for field in RED_FLAG_FIELDS if getattr(self, field)]


# The questionnaire's answers: what the forms edit and what a patient's submission keeps.
INTAKE_ANSWER_FIELDS = [
    field.name
    for field in Intake._meta.local_fields  # known at import time, unlike get_fields()
    if field.editable
    and field.name
    not in {
        "id",
        "patient",
        "status",
        "source",
        "created_by",
        "submitted_at",
        "confirmed_at",
        "confirmed_by",
    }
]


class Medication(models.Model):
    intake = models.ForeignKey(Intake, on_delete=models.CASCADE, related_name="medications")
    name = models.CharField(_("medication"), max_length=200)
    dose = models.CharField(_("dose"), max_length=100, blank=True)
    frequency = models.CharField(_("how often"), max_length=100, blank=True)
    since = models.CharField(_("since when"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("medication")
        verbose_name_plural = _("medications")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name

    @property
    def cramp_linked_classes(self):
        return [CLASSES_BY_CODE[code] for code in cramp_linked_classes(self.name)]


class SelfIntakeLink(models.Model):
    """A one-time link for a patient to fill in their own intake. Only the token's hash is kept."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="self_intake_links")
    intake = models.OneToOneField(Intake, on_delete=models.PROTECT, related_name="self_intake_link")
    token_hash = models.CharField(max_length=64, unique=True)
    # With the server's secret key this gives the token back (see services.self_intake_link_issue):
    # a second click on "Send self-intake link" shows the same link instead of making another.
    # A copy of the database alone still opens nothing.
    token_salt = models.CharField(max_length=64, blank=True, editable=False)
    issued_at = models.DateTimeField(auto_now_add=True)
    issued_by = staff_link()
    expires_at = models.DateTimeField()
    first_opened_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("self-intake link")
        verbose_name_plural = _("self-intake links")
        permissions = [("issue_selfintakelink", _("Can issue a self-intake link"))]

    def __str__(self):
        return f"{self.patient} · {timezone.localtime(self.issued_at):%Y-%m-%d %H:%M}"
