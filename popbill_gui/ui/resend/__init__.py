"""Resend Email (이메일 재전송): one invoice's notification mail, sent again to one address."""
