"""Team invitation endpoints (Django REST framework)."""
import random
import string
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.shortcuts import get_object_or_404
from django.utils import timezone
from rest_framework import generics, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from teams.models import Invitation, Membership, Team

TOKEN_ALPHABET = string.ascii_letters + string.digits
INVITE_TTL = timedelta(days=7)
WELCOME_TIPS = [
    "Pin the boards you use most.",
    "Set your working hours in your profile.",
    "Ask a teammate to review your first card.",
]


def generate_invite_token(length=32):
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


class InvitationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Invitation
        fields = ["id", "email", "role", "expires_at"]
        read_only_fields = ["id", "expires_at"]


class CreateInvitationView(generics.CreateAPIView):
    serializer_class = InvitationSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_team(self):
        return get_object_or_404(
            Team,
            pk=self.kwargs["team_id"],
            memberships__user=self.request.user,
            memberships__role="owner",
        )

    def perform_create(self, serializer):
        team = self.get_team()
        invitation = serializer.save(
            team=team,
            invited_by=self.request.user,
            token=generate_invite_token(),
            expires_at=timezone.now() + INVITE_TTL,
        )
        link = f"{settings.FRONTEND_URL}/invites/{invitation.token}"
        send_mail(
            f"You're invited to join {team.name}",
            f"Accept the invitation here: {link}",
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )


class AcceptInvitationView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request, token):
        invitation = get_object_or_404(Invitation, token=token, accepted_at__isnull=True)
        if invitation.expires_at < timezone.now():
            return Response({"error": "invitation expired"}, status=status.HTTP_410_GONE)
        Membership.objects.get_or_create(
            team=invitation.team, user=request.user, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        return Response({"team": invitation.team_id, "tip": random.choice(WELCOME_TIPS)})
