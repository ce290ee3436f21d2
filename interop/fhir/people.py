"""Patient and Practitioner resources."""

from clinic.models import signer_line
from intake.models import Sex
from interop.fhir.codes import LANGUAGE, base_url, coding, fhir_id

# AdministrativeGender has no "intersex": FHIR's "other" is the nearest; "prefers not to say"
# is "unknown" (not asked and not disclosed read the same to a receiving system).
GENDER = {
    Sex.FEMALE: "female",
    Sex.MALE: "male",
    Sex.INTERSEX: "other",
    Sex.UNDISCLOSED: "unknown",
}


def _phone(number):
    return number.as_e164 if number else ""


def patient_resource(patient):
    resource = {
        "resourceType": "Patient",
        "id": str(patient.pk),
        "identifier": [
            {
                "use": "usual",
                "system": f"{base_url()}/sid/record-number",
                "value": patient.record_number,
            }
        ],
        # An archived patient was entered in error or left: the record is kept, not active.
        "active": not patient.is_archived,
        "name": [
            {
                "use": "official",
                "family": patient.last_name,
                "given": [patient.first_name],
                "text": patient.full_name,
            }
        ],
        "gender": GENDER.get(patient.sex, "unknown"),
        "birthDate": patient.date_of_birth.isoformat(),
        "communication": [
            {
                "language": {
                    "coding": [coding(LANGUAGE, patient.preferred_language)],
                    "text": patient.get_preferred_language_display(),
                },
                "preferred": True,
            }
        ],
    }
    telecom = []
    if patient.phone:
        telecom.append({"system": "phone", "value": _phone(patient.phone)})
    if patient.email:
        telecom.append({"system": "email", "value": patient.email})
    if telecom:
        resource["telecom"] = telecom
    if patient.address.strip():
        resource["address"] = [{"text": patient.address.strip()}]
    if patient.emergency_contact_name.strip() or patient.emergency_contact_phone:
        contact = {
            "relationship": [
                {
                    "coding": [
                        coding(
                            "http://terminology.hl7.org/CodeSystem/v2-0131",
                            "C",
                            "Emergency Contact",
                        )
                    ]
                }
            ]
        }
        if patient.emergency_contact_name.strip():
            contact["name"] = {"text": patient.emergency_contact_name.strip()}
        if patient.emergency_contact_phone:
            contact["telecom"] = [
                {"system": "phone", "value": _phone(patient.emergency_contact_phone)}
            ]
        resource["contact"] = [contact]
    return resource


def practitioner_id(user):
    return fhir_id("practitioner", user.pk)


def practitioner_resource(user):
    name = {"text": signer_line(user)}
    if user.last_name:
        name["family"] = user.last_name
    if user.first_name:
        name["given"] = [user.first_name]
    return {"resourceType": "Practitioner", "id": practitioner_id(user), "name": [name]}


def practitioner_ref(user):
    return {"reference": f"Practitioner/{practitioner_id(user)}", "display": signer_line(user)}
