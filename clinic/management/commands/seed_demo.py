"""Demo accounts (one per role) and a handful of demo patients. Safe to run again."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from clinic.models import ClinicProfile
from clinic.roles import CLINIC_ADMIN, FRONT_DESK, PRACTITIONER
from intake.models import Patient

DEMO_PASSWORD = "demo-clinic-2026"
DEMO_ACCOUNTS = [
    # username, first name, last name, role, staff (may open the admin)
    ("frontdesk", "Fiona", "Desk", FRONT_DESK, False),
    ("practitioner", "Paul", "Martel", PRACTITIONER, False),
    ("clinicadmin", "Ada", "Admin", CLINIC_ADMIN, True),
]
DEMO_PATIENTS = [
    ("Élodie", "Lefèvre", date(1988, 4, 12), "female", "+15145550101", "fr"),
    ("François", "Tremblay", date(1957, 9, 3), "male", "+15145550102", "fr"),
    ("Zoë", "Martin", date(1994, 1, 27), "female", "+14165550103", "en"),
    ("Margaret", "O'Neill", date(1949, 11, 8), "female", "+14165550104", "en"),
    ("Daniel", "Okafor", date(1979, 6, 30), "male", "+16135550105", "en"),
    ("Sofia", "Rossi", date(2001, 2, 14), "female", "+16135550106", "en"),
]


class Command(BaseCommand):
    help = "Create the demo accounts (one per role) and demo patients, without duplicates."

    @transaction.atomic
    def handle(self, *args, **options):
        user_model = get_user_model()
        for username, first, last, role, is_staff in DEMO_ACCOUNTS:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "is_staff": is_staff},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=role))
        if not ClinicProfile.objects.exists():
            ClinicProfile.objects.create(
                name="Clinique Demo Physio",
                address="123 rue Saint-Denis\nMontréal QC H2X 1K1",
                phone="+1 514 555 0100",
                email="info@clinique-demo.example",
            )
        front_desk = user_model.objects.get(username="frontdesk")
        now = timezone.now()
        for first, last, born, sex, phone, language in DEMO_PATIENTS:
            Patient.objects.get_or_create(
                first_name=first,
                last_name=last,
                date_of_birth=born,
                defaults={
                    "sex": sex,
                    "phone": phone,
                    "preferred_language": language,
                    "created_by": front_desk,
                    "consent_treatment_at": now,
                    "consent_treatment_by": front_desk,
                    "consent_privacy_at": now,
                    "consent_privacy_by": front_desk,
                },
            )
        self.stdout.write(f"Demo accounts (password for each: {DEMO_PASSWORD}):")
        for username, _first, _last, role, _staff in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<14} {role}")
        self.stdout.write(f"Demo patients: {Patient.objects.count()} in the registry.")
