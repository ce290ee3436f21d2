from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from clinic.models import StaffProfile
from clinic.roles import ROLE_LABELS
from clinic.text import SingleLineTextMixin


def role_choices():
    return [(role, label) for role, label in ROLE_LABELS.items()]


class StaffForm(SingleLineTextMixin, forms.Form):
    """Name, contact, role and credentials of an account. Nothing else can be set from here."""

    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=role_choices)
    title = forms.CharField(
        label=_("Professional title"),
        max_length=StaffProfile._meta.get_field("title").max_length,
        required=False,
        help_text=_('Printed after the name on letters and plans, e.g. "Physiotherapist".'),
    )
    registration_number = forms.CharField(
        label=_("Registration number"),
        max_length=StaffProfile._meta.get_field("registration_number").max_length,
        required=False,
        help_text=_("The licence or college registration number, printed on letters and plans."),
    )

    def __init__(self, *args, lock_role=False, **kwargs):
        super().__init__(*args, **kwargs)
        if lock_role:
            # Your own role is not yours to change: the field shows it and ignores any input.
            self.fields["role"].disabled = True
            self.fields["role"].help_text = _("You cannot change your own role.")


class PasswordPairMixin(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    password_user = None  # the account the password is for (for the similarity check)

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second:
            if first != second:
                self.add_error("password2", _("The two passwords differ."))
            else:
                try:
                    password_validation.validate_password(first, self.password_user)
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        return cleaned


class StaffAddForm(PasswordPairMixin, StaffForm):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("What they type to sign in: letters, digits and @/./+/-/_ only."),
    )
    field_order = ["username", "first_name", "last_name", "email", "role"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("An account with this username already exists."))
        return username

    def clean(self):
        self.password_user = get_user_model()(
            username=self.cleaned_data.get("username", ""),
            first_name=self.cleaned_data.get("first_name", ""),
            last_name=self.cleaned_data.get("last_name", ""),
            email=self.cleaned_data.get("email", ""),
        )
        return super().clean()


class PasswordResetForm(PasswordPairMixin):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.password_user = user
