from django.urls import path

from interop.fhir import views

# Included under "fhir/" by clinic/urls.py. The id is matched as text so that a guessed or
# malformed id gets the same 404 OperationOutcome as a missing one.
urlpatterns = [
    path("Patient/<str:pk>", views.patient_read, name="fhir_patient"),
    path("Patient/<str:pk>/$everything", views.patient_everything, name="fhir_patient_everything"),
]
