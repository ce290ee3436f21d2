from django.urls import path

from assessments import views

# Included under "patients/" by clinic/urls.py.
urlpatterns = [
    path("<int:patient_pk>/exams/new/", views.exam_new, name="exam_new"),
    path("<int:patient_pk>/exams/<int:pk>/", views.exam_detail, name="exam_detail"),
    path("<int:patient_pk>/exams/<int:pk>/edit/", views.exam_edit, name="exam_edit"),
    path("<int:patient_pk>/exams/<int:pk>/finish/", views.exam_finish, name="exam_finish"),
    path("<int:patient_pk>/exams/<int:pk>/correct/", views.exam_correct, name="exam_correct"),
    path("<int:patient_pk>/outcomes/<str:code>/new/", views.outcome_new, name="outcome_new"),
]
