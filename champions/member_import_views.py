"""The members import page: an admin uploads the list of councillors after an election."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from champions import member_import
from corporate_parenting.forms import GovUKFormMixin
from corporate_parenting.models import Role, User
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import csv_response


class MembersImportForm(GovUKFormMixin, forms.Form):
    submit_text = "Import members"
    file = forms.FileField(
        label="CSV file of members",
        help_text="One line per councillor: name, email, ward, party.",
        error_messages={"required": "Choose a CSV file to import", "empty": "The file is empty"},
    )

    invite = forms.BooleanField(
        label="Send each member an invitation to set a password",
        required=False,
        help_text="Each gets an e-mail with a one-time link. Nobody can sign in before setting "
        "a password; you can also invite people later, one by one, from their page in People.",
    )

    def build_layout(self) -> Layout:
        return Layout(Field("file"), Field.checkbox("invite"))

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > member_import.MAX_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {member_import.MAX_BYTES // 1000} KB: split it in two"
            )
        return upload


@role_required(Role.ADMIN)
def member_import_page(request: HttpRequest) -> HttpResponse:
    if request.method == "GET" and request.GET.get("download") == "template":
        return csv_response(
            [member_import.COLUMNS, member_import.TEMPLATE_ROW], filename="members-template.csv"
        )
    # Bound on every POST, even an empty one, so a missing file is an error on the field.
    posted = request.method == "POST"
    form = MembersImportForm(request.POST, request.FILES) if posted else MembersImportForm()
    problems: list[member_import.LineError] = []
    if posted and form.is_valid():
        actor = request.user
        if not isinstance(actor, User):  # role_required lets only signed-in admins this far
            raise PermissionDenied
        try:
            result = member_import.members_import(
                actor=actor,
                data=form.cleaned_data["file"].read(member_import.MAX_BYTES + 1),
                invite=form.cleaned_data["invite"],
            )
        except member_import.MembersImportRefused as refused:
            problems = refused.errors
            form.add_error(
                "file",
                f"Nobody was added: {len(problems)} "
                f"{'problem' if len(problems) == 1 else 'problems'} in the file. "
                "Fix them and import the whole file again.",
            )
        else:
            count = len(result.created)
            added = f"Added {count} {'member' if count == 1 else 'members'} from the file"
            if result.invited:
                added += f" and sent {result.invited} {'invitation' if result.invited == 1 else 'invitations'}"
            messages.success(request, added)
            return redirect("champions:member_list")
    return render(
        request,
        "champions/member_import.html",
        {"form": form, "problems": problems, "max_rows": member_import.MAX_ROWS},
    )
