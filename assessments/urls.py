from django.urls import path  # noqa: F401  (patterns are added by the exam and plan pages)

urlpatterns = []
